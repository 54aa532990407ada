package org.zeroprune.nas.export.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.stream.IntStream;
import org.zeroprune.nas.checkpoint.BertCheckpoint;

/**
 * The graph of a (physically pruned) BERT encoder with the interface of an HF optimum export:
 * inputs {@code input_ids}, {@code attention_mask}, {@code token_type_ids} (int64, {@code [batch_size,
 * sequence_length]}), output {@code last_hidden_state} (float32, {@code [batch_size, sequence_length,
 * hidden]}). Each layer gets the heads and FFN width its configuration says it has.
 */
final class BertGraph {
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String LAST_HIDDEN_STATE = "last_hidden_state";
    private static final String BATCH = "batch_size";
    private static final String SEQUENCE = "sequence_length";

    private BertGraph() {
    }

    /**
     * The graph of {@code checkpoint}, its weights still in the checkpoint's tensors.
     *
     * @param product how each Linear layer's weight product is written (float, or dynamic int8)
     */
    static NodeGraph of(BertCheckpoint checkpoint, WeightProduct product) {
        NodeGraph graph = new NodeGraph();
        for (String input : new String[] {INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS}) {
            graph.input(input, TensorProto.DataType.INT64_VALUE, BATCH, SEQUENCE);
        }
        BertNodes bert = new BertNodes(graph, checkpoint, product);
        String hidden = EmbeddingNodes.add(bert, INPUT_IDS, TOKEN_TYPE_IDS);
        // a model pruned to no head anywhere has no use for the mask, and a node whose output nothing reads is invalid
        boolean anyHeads = IntStream.range(0, checkpoint.config().layers()).anyMatch(l -> checkpoint.config().headsInLayer(l) > 0);
        String mask = anyHeads ? AttentionNodes.additiveMask(graph, ATTENTION_MASK) : ATTENTION_MASK;
        for (int layer = 0; layer < checkpoint.config().layers(); layer++) {
            hidden = AttentionNodes.add(bert, layer, hidden, mask);
            hidden = FeedForwardNodes.add(bert, layer, hidden);
        }
        graph.renameLastOutput(LAST_HIDDEN_STATE);
        graph.output(LAST_HIDDEN_STATE, TensorProto.DataType.FLOAT_VALUE, BATCH, SEQUENCE, checkpoint.config().hiddenSize());
        return graph;
    }
}
