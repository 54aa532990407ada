package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.forward.LayerWeights;
import org.zeroprune.nas.forward.OpenEncoder;

/**
 * A copy in Java memory of every trainable array of one encoder layer (projections, biases,
 * LayerNorms), by checkpoint name: what distillation keeps of its best step and folds into the
 * exported checkpoint.
 *
 * @param values per checkpoint name, the array's values in the checkpoint's layout
 */
public record LayerArrays(Map<String, float[]> values) {

    /** The trainable arrays of {@code layer}, in the order of {@link #names}. */
    static List<NDArray> arraysOf(LayerWeights w) {
        return List.of(w.query(), w.queryBias(), w.key(), w.keyBias(), w.value(), w.valueBias(), w.attentionOutput(),
                w.attentionOutputBias(), w.attentionNormWeight(), w.attentionNormBias(), w.intermediate(),
                w.intermediateBias(), w.output(), w.outputBias(), w.outputNormWeight(), w.outputNormBias());
    }

    /** The modules of a layer, in the order of {@link #arraysOf}; each has a weight and a bias. */
    private static final List<BiFunction<Integer, String, String>> MODULES = List.of(BertNames::query, BertNames::key,
            BertNames::value, BertNames::attentionOutput, BertNames::attentionNorm, BertNames::intermediate,
            BertNames::output, BertNames::outputNorm);

    /** The checkpoint names of layer {@code layer}'s trainable arrays, in the order of {@link #arraysOf}. */
    static List<String> names(int layer) {
        List<String> out = new ArrayList<>();
        for (BiFunction<Integer, String, String> module : MODULES) {
            out.add(module.apply(layer, "weight"));
            out.add(module.apply(layer, "bias"));
        }
        return out;
    }

    /** A copy of every layer's trainable arrays. */
    static List<LayerArrays> copyOf(OpenEncoder weights) {
        List<LayerArrays> out = new ArrayList<>();
        for (int l = 0; l < weights.layers().size(); l++) {
            List<NDArray> arrays = arraysOf(weights.layers().get(l));
            List<String> names = names(l);
            Map<String, float[]> values = new LinkedHashMap<>();
            for (int i = 0; i < arrays.size(); i++) {
                values.put(names.get(i), arrays.get(i).toFloatArray());
            }
            out.add(new LayerArrays(values));
        }
        return out;
    }

    /**
     * {@code checkpoint} with every layer's arrays replaced by {@code layers}' values: same names,
     * shapes and storage types.
     */
    public static BertCheckpoint foldInto(BertCheckpoint checkpoint, List<LayerArrays> layers) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        for (LayerArrays layer : layers) {
            for (Map.Entry<String, float[]> e : layer.values().entrySet()) {
                Tensor t = tensors.get(e.getKey());
                if (t.numel() != e.getValue().length) {
                    throw new IllegalStateException(e.getKey() + ": " + e.getValue().length + " values for a tensor of "
                            + t.numel());
                }
                tensors.put(e.getKey(), Tensor.ofFloats(e.getKey(), t.dtype(), t.shape(), FloatBuffer.wrap(e.getValue())));
            }
        }
        return new BertCheckpoint(checkpoint.directory(), checkpoint.config(), tensors, checkpoint.prefix());
    }
}
