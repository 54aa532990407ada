package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.forward.LayerWeights;
import org.zeroprune.nas.forward.MaskArrays;
import org.zeroprune.nas.forward.OpenEncoder;

/**
 * The small parameters that reconstruction may change in each layer of a pruned model: one scale
 * per kept head and per kept neuron, the biases of the two output projections and the gain and bias
 * of the two LayerNorms. Held as Java arrays; {@link #foldInto} writes them into a checkpoint of the
 * standard layout (a head's scale multiplies its columns of the attention output projection, a
 * neuron's its column of the FFN output projection).
 */
public final class TunedParameters {
    /** Per layer: head scales, neuron scales, attention output bias, FFN output bias, 2 × (gain, bias). */
    private static final int SLOTS = 8;
    private static final int HEADS = 0;
    private static final int NEURONS = 1;
    private static final int ATTENTION_BIAS = 2;
    private static final int OUTPUT_BIAS = 3;
    private static final int ATTENTION_NORM_WEIGHT = 4;
    private static final int ATTENTION_NORM_BIAS = 5;
    private static final int OUTPUT_NORM_WEIGHT = 6;
    private static final int OUTPUT_NORM_BIAS = 7;

    private final float[][][] values;

    private TunedParameters(float[][][] values) {
        this.values = values;
    }

    /** The parameters as {@code weights} has them, with every scale 1. */
    static TunedParameters of(OpenEncoder weights) {
        float[][][] v = new float[weights.layers().size()][SLOTS][];
        for (int l = 0; l < v.length; l++) {
            LayerWeights w = weights.layers().get(l);
            v[l][HEADS] = ones(w.heads());
            v[l][NEURONS] = ones(w.ffnWidth());
            v[l][ATTENTION_BIAS] = w.attentionOutputBias().toFloatArray();
            v[l][OUTPUT_BIAS] = w.outputBias().toFloatArray();
            v[l][ATTENTION_NORM_WEIGHT] = w.attentionNormWeight().toFloatArray();
            v[l][ATTENTION_NORM_BIAS] = w.attentionNormBias().toFloatArray();
            v[l][OUTPUT_NORM_WEIGHT] = w.outputNormWeight().toFloatArray();
            v[l][OUTPUT_NORM_BIAS] = w.outputNormBias().toFloatArray();
        }
        return new TunedParameters(v);
    }

    /** A deep copy. */
    TunedParameters copy() {
        float[][][] v = new float[values.length][SLOTS][];
        for (int l = 0; l < v.length; l++) {
            for (int s = 0; s < SLOTS; s++) {
                v[l][s] = values[l][s].clone();
            }
        }
        return new TunedParameters(v);
    }

    /** The live arrays that tuning changes, in a fixed order: scales, then biases, then norms if asked. */
    float[][] flat(boolean biases, boolean norms) {
        List<float[]> out = new ArrayList<>();
        for (int s : slots(biases, norms)) {
            for (float[][] layer : values) {
                out.add(layer[s]);
            }
        }
        return out.toArray(new float[0][]);
    }

    private static int[] slots(boolean biases, boolean norms) {
        List<Integer> s = new ArrayList<>(List.of(HEADS, NEURONS));
        if (biases) {
            s.addAll(List.of(ATTENTION_BIAS, OUTPUT_BIAS));
        }
        if (norms) {
            s.addAll(List.of(ATTENTION_NORM_WEIGHT, ATTENTION_NORM_BIAS, OUTPUT_NORM_WEIGHT, OUTPUT_NORM_BIAS));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Head scales of {@code layer}, one per kept head (a copy). */
    public float[] headScales(int layer) {
        return values[layer][HEADS].clone();
    }

    /** Neuron scales of {@code layer}, one per kept neuron (a copy). */
    public float[] neuronScales(int layer) {
        return values[layer][NEURONS].clone();
    }

    /** The parameters as arrays of {@code scratch}, each a gradient variable if {@code variables}. */
    Arrays arrays(NDManager scratch, boolean variables) {
        NDArray[][] a = new NDArray[values.length][SLOTS];
        for (int l = 0; l < values.length; l++) {
            for (int s = 0; s < SLOTS; s++) {
                float[] v = values[l][s];
                if (v.length == 0) {
                    continue;
                }
                boolean scale = s == HEADS || s == NEURONS;
                a[l][s] = scratch.create(v, scale ? new Shape(1, v.length) : new Shape(v.length));
                if (variables) {
                    a[l][s].setRequiresGradient(true);
                }
            }
        }
        return new Arrays(a);
    }

    /**
     * {@code pruned} with these parameters folded in: same names, shapes and storage types, so the
     * result is a checkpoint of the standard layout.
     */
    public BertCheckpoint foldInto(BertCheckpoint pruned) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(pruned.tensors());
        int d = pruned.config().headSize();
        for (int l = 0; l < values.length; l++) {
            float[][] v = values[l];
            scaleColumns(tensors, BertNames.attentionOutput(l, "weight"), v[HEADS], d);
            scaleColumns(tensors, BertNames.output(l, "weight"), v[NEURONS], 1);
            replace(tensors, BertNames.attentionOutput(l, "bias"), v[ATTENTION_BIAS]);
            replace(tensors, BertNames.output(l, "bias"), v[OUTPUT_BIAS]);
            replace(tensors, BertNames.attentionNorm(l, "weight"), v[ATTENTION_NORM_WEIGHT]);
            replace(tensors, BertNames.attentionNorm(l, "bias"), v[ATTENTION_NORM_BIAS]);
            replace(tensors, BertNames.outputNorm(l, "weight"), v[OUTPUT_NORM_WEIGHT]);
            replace(tensors, BertNames.outputNorm(l, "bias"), v[OUTPUT_NORM_BIAS]);
        }
        return new BertCheckpoint(pruned.directory(), pruned.config(), tensors, pruned.prefix());
    }

    private static void scaleColumns(Map<String, Tensor> tensors, String name, float[] scales, int group) {
        Tensor t = tensors.get(name);
        float[] w = t.toFloatArray();
        int cols = t.dim(1);
        for (int r = 0; r < t.dim(0); r++) {
            for (int c = 0; c < cols; c++) {
                w[r * cols + c] *= scales[c / group];
            }
        }
        tensors.put(name, Tensor.ofFloats(name, t.dtype(), t.shape(), FloatBuffer.wrap(w)));
    }

    private static void replace(Map<String, Tensor> tensors, String name, float[] values) {
        Tensor t = tensors.get(name);
        tensors.put(name, Tensor.ofFloats(name, t.dtype(), t.shape(), FloatBuffer.wrap(values.clone())));
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    /** The parameters as NDArrays for one forward pass. */
    final class Arrays {
        private final NDArray[][] a;

        private Arrays(NDArray[][] a) {
            this.a = a;
        }

        /** {@code base} with the biases and norms replaced by these arrays. */
        List<LayerWeights> layers(List<LayerWeights> base) {
            List<LayerWeights> out = new ArrayList<>();
            for (int l = 0; l < base.size(); l++) {
                LayerWeights w = base.get(l);
                NDArray[] p = a[l];
                out.add(w.withAttentionBlock(w.attentionOutput(), p[ATTENTION_BIAS], p[ATTENTION_NORM_WEIGHT],
                        p[ATTENTION_NORM_BIAS]).withFfnBlock(w.output(), p[OUTPUT_BIAS], p[OUTPUT_NORM_WEIGHT],
                        p[OUTPUT_NORM_BIAS]));
            }
            return out;
        }

        /** The scales as multiplicative masks. */
        MaskArrays masks() {
            return new MaskArrays() {
                @Override
                public NDArray heads(int layer) {
                    return a[layer][HEADS];
                }

                @Override
                public NDArray neurons(int layer) {
                    return a[layer][NEURONS];
                }
            };
        }

        /** Gradients after a backward pass, in the order of {@link #flat}. */
        float[][] gradients(boolean biases, boolean norms) {
            List<float[]> out = new ArrayList<>();
            for (int s : slots(biases, norms)) {
                for (NDArray[] layer : a) {
                    NDArray x = layer[s];
                    out.add(x == null ? new float[0] : x.getGradient().toFloatArray());
                }
            }
            return out.toArray(new float[0][]);
        }
    }
}
