package org.zeroprune.nas.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Physically removes the heads and neurons a mask drops: the rows of the query, key and value
 * projections (and their biases) and the columns of the attention output for every removed head;
 * the rows of the intermediate projection (and bias) and the columns of the FFN output for every
 * removed neuron. Everything else is carried over unchanged. The result's configuration records the
 * removed heads in HF's {@code pruned_heads} (original indices) and each layer's FFN width.
 */
public final class CheckpointPruner {
    private CheckpointPruner() {
    }

    /**
     * The pruned checkpoint, in memory.
     *
     * @param checkpoint the model the mask's unit indices refer to (possibly already pruned)
     * @param mask kept heads and neurons, over the checkpoint's present units
     * @param directory where the result is meant to live (used for its name and tokenizer)
     */
    public static BertCheckpoint prune(BertCheckpoint checkpoint, PruningMask mask, Path directory) {
        BertConfig config = checkpoint.config();
        int layers = config.layers();
        if (mask.layerCount() != layers) {
            throw new IllegalArgumentException("mask has " + mask.layerCount() + " layers, model has " + layers);
        }
        int d = config.headSize();
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        List<Set<Integer>> removed = new ArrayList<>();
        int[] widths = new int[layers];
        for (int layer = 0; layer < layers; layer++) {
            UnitSet heads = mask.heads(layer);
            UnitSet neurons = mask.neurons(layer);
            if (heads.size() != config.headsInLayer(layer) || neurons.size() != config.ffnWidth(layer)) {
                throw new IllegalArgumentException("layer " + layer + ": mask covers " + heads.size() + " heads and "
                        + neurons.size() + " neurons; the model has " + config.headsInLayer(layer) + " and "
                        + config.ffnWidth(layer));
            }
            int[] headRows = expand(heads.toArray(), d);
            int[] neuronRows = neurons.toArray();
            for (String name : List.of(BertNames.query(layer, "weight"), BertNames.key(layer, "weight"),
                    BertNames.value(layer, "weight"), BertNames.query(layer, "bias"), BertNames.key(layer, "bias"),
                    BertNames.value(layer, "bias"))) {
                tensors.put(name, keepRows(checkpoint.tensor(name), headRows));
            }
            String attnOut = BertNames.attentionOutput(layer, "weight");
            tensors.put(attnOut, keepColumns(checkpoint.tensor(attnOut), headRows));
            for (String name : List.of(BertNames.intermediate(layer, "weight"), BertNames.intermediate(layer, "bias"))) {
                tensors.put(name, keepRows(checkpoint.tensor(name), neuronRows));
            }
            String ffnOut = BertNames.output(layer, "weight");
            tensors.put(ffnOut, keepColumns(checkpoint.tensor(ffnOut), neuronRows));

            int[] present = config.presentHeads(layer);
            Set<Integer> gone = new TreeSet<>();
            for (int u = 0; u < present.length; u++) {
                if (!heads.contains(u)) {
                    gone.add(present[u]);
                }
            }
            removed.add(gone);
            widths[layer] = neurons.count();
        }
        ObjectNode json = config.prunedJson(removed, widths);
        BertConfig prunedConfig = BertConfig.of(json, directory.resolve(BertCheckpoint.CONFIG));
        return new BertCheckpoint(directory, prunedConfig, tensors, checkpoint.prefix());
    }

    /** Row indices of units of {@code size} rows each. */
    static int[] expand(int[] units, int size) {
        int[] rows = new int[units.length * size];
        for (int i = 0; i < units.length; i++) {
            for (int j = 0; j < size; j++) {
                rows[i * size + j] = units[i] * size + j;
            }
        }
        return rows;
    }

    /** The given rows (first dimension) of a matrix or vector, in order. */
    static Tensor keepRows(Tensor t, int[] rows) {
        int cols = t.rank() == 2 ? t.dim(1) : 1;
        FloatBuffer src = t.floats();
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            src.get(rows[i] * cols, out, i * cols, cols);
        }
        int[] shape = t.rank() == 2 ? new int[] {rows.length, cols} : new int[] {rows.length};
        return Tensor.ofFloats(t.name(), t.dtype(), shape, FloatBuffer.wrap(out));
    }

    /** The given columns of a matrix, in order. */
    static Tensor keepColumns(Tensor t, int[] columns) {
        int rows = t.dim(0);
        int cols = t.dim(1);
        FloatBuffer src = t.floats();
        float[] row = new float[cols];
        float[] out = new float[rows * columns.length];
        for (int r = 0; r < rows; r++) {
            src.get(r * cols, row, 0, cols);
            for (int j = 0; j < columns.length; j++) {
                out[r * columns.length + j] = row[columns[j]];
            }
        }
        return Tensor.ofFloats(t.name(), t.dtype(), new int[] {rows, columns.length}, FloatBuffer.wrap(out));
    }
}
