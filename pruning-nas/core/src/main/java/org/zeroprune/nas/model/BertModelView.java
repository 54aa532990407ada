package org.zeroprune.nas.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * The plugin's view of a BERT checkpoint. Units are the heads and neurons present in the
 * checkpoint, numbered from 0 in their stored order (an already pruned checkpoint has fewer).
 */
public final class BertModelView implements ModelView {
    private final BertCheckpoint checkpoint;
    private final List<LayerView> layers;
    private final String name;

    /** A view over {@code checkpoint}, whose layout has been checked by its reader. */
    public BertModelView(BertCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
        Path name = checkpoint.directory().getFileName();
        this.name = name == null ? checkpoint.directory().toString() : name.toString();
        List<LayerView> list = new ArrayList<>();
        for (int i = 0; i < checkpoint.config().layers(); i++) {
            list.add(layer(checkpoint, i));
        }
        this.layers = List.copyOf(list);
    }

    private static LayerView layer(BertCheckpoint c, int layer) {
        BertConfig config = c.config();
        UnitCut head = UnitCut.of(config.headSize());
        UnitCut neuron = UnitCut.of(1);
        List<WeightView> attention = List.of(
                matrix(c, BertNames.query(layer, "weight"), WeightRole.QUERY, head, UnitCut.NONE),
                bias(c, BertNames.query(layer, "bias"), WeightRole.QUERY, head),
                matrix(c, BertNames.key(layer, "weight"), WeightRole.KEY, head, UnitCut.NONE),
                bias(c, BertNames.key(layer, "bias"), WeightRole.KEY, head),
                matrix(c, BertNames.value(layer, "weight"), WeightRole.VALUE, head, UnitCut.NONE),
                bias(c, BertNames.value(layer, "bias"), WeightRole.VALUE, head),
                matrix(c, BertNames.attentionOutput(layer, "weight"), WeightRole.ATTENTION_OUTPUT, UnitCut.NONE, head),
                bias(c, BertNames.attentionOutput(layer, "bias"), WeightRole.ATTENTION_OUTPUT, UnitCut.NONE),
                norm(c, BertNames.attentionNorm(layer, "weight"), WeightRole.NORM_WEIGHT),
                norm(c, BertNames.attentionNorm(layer, "bias"), WeightRole.NORM_BIAS));
        List<WeightView> ffn = List.of(
                matrix(c, BertNames.intermediate(layer, "weight"), WeightRole.FFN_INPUT, neuron, UnitCut.NONE),
                bias(c, BertNames.intermediate(layer, "bias"), WeightRole.FFN_INPUT, neuron),
                matrix(c, BertNames.output(layer, "weight"), WeightRole.FFN_OUTPUT, UnitCut.NONE, neuron),
                bias(c, BertNames.output(layer, "bias"), WeightRole.FFN_OUTPUT, UnitCut.NONE),
                norm(c, BertNames.outputNorm(layer, "weight"), WeightRole.NORM_WEIGHT),
                norm(c, BertNames.outputNorm(layer, "bias"), WeightRole.NORM_BIAS));
        return new SimpleLayer(layer,
                new SimpleModule(ModuleKind.ATTENTION, "self-attention", config.headsInLayer(layer), attention),
                new SimpleModule(ModuleKind.FFN, "feed-forward", config.ffnWidth(layer), ffn));
    }

    private static WeightView matrix(BertCheckpoint c, String name, WeightRole role, UnitCut rows, UnitCut cols) {
        return TensorWeightView.matrix(c.tensor(name), role, rows, cols);
    }

    private static WeightView bias(BertCheckpoint c, String name, WeightRole role, UnitCut cut) {
        return TensorWeightView.vector(c.tensor(name), role, true, cut);
    }

    private static WeightView norm(BertCheckpoint c, String name, WeightRole role) {
        return TensorWeightView.vector(c.tensor(name), role, false, UnitCut.NONE);
    }

    /** The checkpoint behind this view. */
    public BertCheckpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int hiddenSize() {
        return checkpoint.config().hiddenSize();
    }

    @Override
    public int layerCount() {
        return layers.size();
    }

    @Override
    public LayerView layer(int index) {
        return layers.get(index);
    }

    @Override
    public List<LayerView> layers() {
        return layers;
    }

    @Override
    public Optional<WeightView> extraWeight(String tensorName) {
        if (BertNames.isLayerTensor(tensorName)) {
            return Optional.empty();
        }
        Optional<Tensor> tensor = checkpoint.find(tensorName).filter(Tensor::isFloat);
        return tensor.map(t -> t.rank() == 2
                ? TensorWeightView.matrix(t, WeightRole.OTHER, UnitCut.NONE, UnitCut.NONE)
                : TensorWeightView.vector(t.name(), WeightRole.OTHER, false, (int) t.numel(), UnitCut.NONE, t.floats()));
    }
}
