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

    static void refuse(String source, Map<String, Tensor> tensors, int layers, int hidden) {
        int[] attention = new int[layers];
        int[] ffn = new int[layers];
        for (int l = 0; l < layers; l++) {
            attention[l] = tensors.get(BertNames.query(l, "bias")).dim(0);
            ffn[l] = tensors.get(BertNames.intermediate(l, "bias")).dim(0);
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
}
