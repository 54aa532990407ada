package org.zeroprune.nas.importer;

import java.util.Arrays;
import java.util.Map;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * Refuses a graph whose layers differ in width, as a model pruned per layer has (zeroprune's own
 * {@code model.onnx} is one): the head count of each layer cannot be read back from such a graph,
 * and HF's {@code config.json} describes one width for all layers. The checkpoint directory written
 * beside such a file is the way to use it again.
 */
final class UnevenLayers {
    private UnevenLayers() {
    }

    /**
     * Refuses uneven layers before the graph is read as a BERT export: a layer pruned to no head or no neuron
     * has no tensors for that block at all, which would otherwise read as "not a BERT encoder export". Does
     * nothing when no layer has both blocks (not a BERT graph: reported by the reading) or when a block is
     * missing everywhere.
     */
    static void refuseEmptyBlocks(String source, ImportedWeights weights) {
        Map<String, Tensor> tensors = weights.tensors();
        Tensor words = tensors.get(BertNames.WORD_EMBEDDINGS);
        int layers = weights.layerCount();
        boolean anyAttention = false;
        boolean anyFfn = false;
        for (int l = 0; l < layers; l++) {
            anyAttention |= tensors.containsKey(BertNames.query(l, "bias"));
            anyFfn |= tensors.containsKey(BertNames.intermediate(l, "bias"));
        }
        if (words != null && words.shape().length == 2 && anyAttention && anyFfn) {
            refuse(source, tensors, layers, words.dim(1));
        }
    }

    static void refuse(String source, Map<String, Tensor> tensors, int layers, int hidden) {
        int[] attention = new int[layers];
        int[] ffn = new int[layers];
        for (int l = 0; l < layers; l++) {
            // a block pruned away entirely leaves no tensor behind
            attention[l] = width(tensors, BertNames.query(l, "bias"));
            ffn[l] = width(tensors, BertNames.intermediate(l, "bias"));
        }
        boolean fullAttention = Arrays.stream(attention).allMatch(w -> w == hidden);
        boolean sameFfn = Arrays.stream(ffn).allMatch(w -> w == ffn[0]);
        if (!fullAttention || !sameFfn) {
            throw new OnnxImportException(source + ": its layers differ in width (attention widths "
                    + Arrays.toString(attention) + " of hidden size " + hidden + ", FFN widths " + Arrays.toString(ffn)
                    + "), as in a model pruned per layer; importing such a graph is not supported: use the checkpoint"
                    + " directory written with it (the folder holding model.safetensors and config.json)");
        }
    }

    private static int width(Map<String, Tensor> tensors, String bias) {
        Tensor t = tensors.get(bias);
        return t == null ? 0 : t.dim(0);
    }
}
