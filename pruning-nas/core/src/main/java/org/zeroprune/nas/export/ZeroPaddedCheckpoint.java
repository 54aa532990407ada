package org.zeroprune.nas.export;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * A physically pruned checkpoint padded back to the dense model's uniform shapes, so that a plain
 * transformers {@code BertModel} (one head count, one FFN width, no {@code pruned_heads}) loads it and
 * computes what the pruned model computes.
 *
 * <p>Every kept head returns to its original index; every kept neuron goes to the front of its layer
 * (the FFN is a sum over neurons, so their order does not matter). A removed head gets zero query, key
 * and value rows and biases, and its columns of the attention output are zero: its uniform attention
 * over zero values gives zero, and whatever it gave would meet zero columns. A removed neuron gets a
 * zero row and bias in the intermediate projection (every supported activation maps 0 to 0) and a zero
 * column in the FFN output. The output biases and LayerNorms are the pruned model's, so a layer without
 * heads or neurons still adds its bias, as in the pruned model. Everything else is carried over.
 */
public final class ZeroPaddedCheckpoint {
    private ZeroPaddedCheckpoint() {
    }

    /** The padded form of {@code pruned}, in memory; its configuration is {@link BertConfig#uniformJson()}. */
    public static BertCheckpoint of(BertCheckpoint pruned) {
        BertConfig config = pruned.config();
        int d = config.headSize();
        Map<String, Tensor> tensors = new LinkedHashMap<>(pruned.tensors());
        for (int layer = 0; layer < config.layers(); layer++) {
            int[] headRows = CheckpointPruner.expand(config.presentHeads(layer), d);
            int allHeadRows = config.attentionHeads() * d;
            for (String name : List.of(BertNames.query(layer, "weight"), BertNames.key(layer, "weight"),
                    BertNames.value(layer, "weight"), BertNames.query(layer, "bias"), BertNames.key(layer, "bias"),
                    BertNames.value(layer, "bias"))) {
                tensors.put(name, placeRows(pruned.tensor(name), headRows, allHeadRows));
            }
            String attnOut = BertNames.attentionOutput(layer, "weight");
            tensors.put(attnOut, placeColumns(pruned.tensor(attnOut), headRows, allHeadRows));
            int[] neuronRows = java.util.stream.IntStream.range(0, config.ffnWidth(layer)).toArray();
            for (String name : List.of(BertNames.intermediate(layer, "weight"), BertNames.intermediate(layer, "bias"))) {
                tensors.put(name, placeRows(pruned.tensor(name), neuronRows, config.intermediateSize()));
            }
            String ffnOut = BertNames.output(layer, "weight");
            tensors.put(ffnOut, placeColumns(pruned.tensor(ffnOut), neuronRows, config.intermediateSize()));
        }
        BertConfig uniform = BertConfig.of(config.uniformJson(), pruned.directory().resolve(BertCheckpoint.CONFIG));
        return new BertCheckpoint(pruned.directory(), uniform, tensors, pruned.prefix());
    }

    /** A matrix (or vector) of {@code rows} rows, zero but for row {@code i} of {@code t} at row {@code at[i]}. */
    static Tensor placeRows(Tensor t, int[] at, int rows) {
        int cols = t.rank() == 2 ? t.dim(1) : 1;
        FloatBuffer src = t.floats();
        float[] out = new float[rows * cols];
        for (int i = 0; i < at.length; i++) {
            src.get(i * cols, out, at[i] * cols, cols);
        }
        int[] shape = t.rank() == 2 ? new int[] {rows, cols} : new int[] {rows};
        return Tensor.ofFloats(t.name(), t.dtype(), shape, FloatBuffer.wrap(out));
    }

    /** A matrix of {@code columns} columns, zero but for column {@code j} of {@code t} at column {@code at[j]}. */
    static Tensor placeColumns(Tensor t, int[] at, int columns) {
        int rows = t.dim(0);
        int cols = t.dim(1);
        FloatBuffer src = t.floats();
        float[] out = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                out[r * columns + at[j]] = src.get(r * cols + j);
            }
        }
        return Tensor.ofFloats(t.name(), t.dtype(), new int[] {rows, columns}, FloatBuffer.wrap(out));
    }
}
