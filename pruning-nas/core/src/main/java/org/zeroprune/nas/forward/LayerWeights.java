package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.spi.mask.UnitSet;

/**
 * One encoder layer's weights as float32 arrays in HF's Linear layout ({@code [out, in]}). A layer
 * with no head or no neuron holds zero-sized projections; the forward pass then uses only the
 * output bias of that block.
 */
public record LayerWeights(
        int heads,
        int headSize,
        int ffnWidth,
        NDArray query,
        NDArray queryBias,
        NDArray key,
        NDArray keyBias,
        NDArray value,
        NDArray valueBias,
        NDArray attentionOutput,
        NDArray attentionOutputBias,
        NDArray attentionNormWeight,
        NDArray attentionNormBias,
        NDArray intermediate,
        NDArray intermediateBias,
        NDArray output,
        NDArray outputBias,
        NDArray outputNormWeight,
        NDArray outputNormBias) {

    /** Copies layer {@code layer} of {@code checkpoint} into arrays of {@code manager}. */
    static LayerWeights load(BertCheckpoint checkpoint, int layer, NDManager manager) {
        var config = checkpoint.config();
        Loader l = name -> TensorArrays.load(checkpoint, name, manager);
        return new LayerWeights(config.headsInLayer(layer), config.headSize(), config.ffnWidth(layer),
                l.load(BertNames.query(layer, "weight")), l.load(BertNames.query(layer, "bias")),
                l.load(BertNames.key(layer, "weight")), l.load(BertNames.key(layer, "bias")),
                l.load(BertNames.value(layer, "weight")), l.load(BertNames.value(layer, "bias")),
                l.load(BertNames.attentionOutput(layer, "weight")), l.load(BertNames.attentionOutput(layer, "bias")),
                l.load(BertNames.attentionNorm(layer, "weight")), l.load(BertNames.attentionNorm(layer, "bias")),
                l.load(BertNames.intermediate(layer, "weight")), l.load(BertNames.intermediate(layer, "bias")),
                l.load(BertNames.output(layer, "weight")), l.load(BertNames.output(layer, "bias")),
                l.load(BertNames.outputNorm(layer, "weight")), l.load(BertNames.outputNorm(layer, "bias")));
    }

    /**
     * This layer restricted to the kept heads and neurons: rows of Q, K, V (and biases) and columns
     * of the attention output for each kept head; rows of the intermediate projection (and bias) and
     * columns of the FFN output for each kept neuron. Untouched blocks share this layer's arrays;
     * copies go to {@code scratch}.
     */
    public LayerWeights select(UnitSet keptHeads, UnitSet keptNeurons, NDManager scratch) {
        LayerWeights result = this;
        if (!keptHeads.isFull()) {
            result = result.withHeads(keptHeads.count(), headSlice(keptHeads, scratch));
        }
        if (!keptNeurons.isFull()) {
            result = result.withNeurons(keptNeurons.count(), neuronSlice(keptNeurons, scratch));
        }
        return result;
    }

    /**
     * The kept heads' rows of Q, K, V and their biases and columns of the attention output, in
     * that order, copies in {@code manager}; {@link #withHeads} puts them in place.
     */
    NDArray[] headSlice(UnitSet keptHeads, NDManager manager) {
        NDArray rows = manager.create(headRows(keptHeads.toArray(), headSize));
        return new NDArray[] {takeRows(query, rows, manager), takeRows(queryBias, rows, manager),
            takeRows(key, rows, manager), takeRows(keyBias, rows, manager), takeRows(value, rows, manager),
            takeRows(valueBias, rows, manager), takeColumns(attentionOutput, rows, manager)};
    }

    /**
     * The kept neurons' rows of the intermediate projection and its bias and columns of the FFN
     * output, copies in {@code manager}; {@link #withNeurons} puts them in place.
     */
    NDArray[] neuronSlice(UnitSet keptNeurons, NDManager manager) {
        NDArray rows = manager.create(toLongs(keptNeurons.toArray()));
        return new NDArray[] {takeRows(intermediate, rows, manager), takeRows(intermediateBias, rows, manager),
            takeColumns(output, rows, manager)};
    }

    /** This layer with {@code count} heads whose projections are {@code slice} (from {@link #headSlice}). */
    LayerWeights withHeads(int count, NDArray[] slice) {
        return new LayerWeights(count, headSize, ffnWidth, slice[0], slice[1], slice[2], slice[3], slice[4], slice[5],
                slice[6], attentionOutputBias, attentionNormWeight, attentionNormBias,
                intermediate, intermediateBias, output, outputBias, outputNormWeight, outputNormBias);
    }

    /** This layer with {@code count} neurons whose projections are {@code slice} (from {@link #neuronSlice}). */
    LayerWeights withNeurons(int count, NDArray[] slice) {
        return new LayerWeights(heads, headSize, count, query, queryBias, key, keyBias, value, valueBias,
                attentionOutput, attentionOutputBias, attentionNormWeight, attentionNormBias,
                slice[0], slice[1], slice[2], outputBias, outputNormWeight, outputNormBias);
    }

    /** This layer with the attention block's output projection and LayerNorm replaced (same shapes). */
    public LayerWeights withAttentionBlock(NDArray outputWeight, NDArray outputBias, NDArray normWeight, NDArray normBias) {
        return new LayerWeights(heads, headSize, ffnWidth, query, queryBias, key, keyBias, value, valueBias,
                outputWeight, outputBias, normWeight, normBias, intermediate, intermediateBias, output, this.outputBias,
                outputNormWeight, outputNormBias);
    }

    /** This layer with the FFN's output projection and LayerNorm replaced (same shapes). */
    public LayerWeights withFfnBlock(NDArray outputWeight, NDArray outputBias, NDArray normWeight, NDArray normBias) {
        return new LayerWeights(heads, headSize, ffnWidth, query, queryBias, key, keyBias, value, valueBias,
                attentionOutput, attentionOutputBias, attentionNormWeight, attentionNormBias, intermediate,
                intermediateBias, outputWeight, outputBias, normWeight, normBias);
    }

    private interface Loader {
        NDArray load(String name);
    }

    private static long[] headRows(int[] heads, int size) {
        long[] rows = new long[heads.length * size];
        for (int i = 0; i < heads.length; i++) {
            for (int j = 0; j < size; j++) {
                rows[i * size + j] = (long) heads[i] * size + j;
            }
        }
        return rows;
    }

    private static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static NDArray takeRows(NDArray array, NDArray rows, NDManager scratch) {
        if (rows.size() == 0) {
            return empty(scratch, array.getShape(), 0);
        }
        return array.get(scratch, new NDIndex("{}", rows));
    }

    private static NDArray takeColumns(NDArray matrix, NDArray columns, NDManager scratch) {
        if (columns.size() == 0) {
            return empty(scratch, matrix.getShape(), 1);
        }
        return matrix.get(scratch, new NDIndex(":, {}", columns));
    }

    private static NDArray empty(NDManager scratch, Shape like, int axis) {
        long[] dims = like.getShape();
        dims[axis] = 0;
        return scratch.create(new float[0], new Shape(dims));
    }
}
