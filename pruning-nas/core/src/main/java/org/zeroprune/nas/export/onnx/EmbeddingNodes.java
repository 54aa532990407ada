package org.zeroprune.nas.export.onnx;

import java.util.List;
import org.zeroprune.nas.checkpoint.BertNames;

/**
 * BERT's embeddings: word + position + token type, then LayerNorm. Positions are {@code 0..T-1}
 * for a sequence of {@code T} tokens; token types are looked up from the {@code token_type_ids}
 * input (zeroprune's own forward pass uses type 0, which a client passes as zeros).
 */
final class EmbeddingNodes {
    private static final String SCOPE = "/embeddings";

    private EmbeddingNodes() {
    }

    /** The embedded sequence {@code [B, T, hidden]}. */
    static String add(BertNodes bert, String inputIds, String tokenTypeIds) {
        NodeGraph graph = bert.graph();
        int hidden = bert.config().hiddenSize();
        String words = graph.node(SCOPE + "/word_embeddings", "Gather", List.of(
                bert.tensor(BertNames.WORD_EMBEDDINGS, bert.config().vocabSize(), hidden), inputIds));
        String shape = graph.node(SCOPE, "Shape", List.of(inputIds));
        String length = graph.node(SCOPE, "Gather", List.of(shape, graph.int64s(true, 1)), NodeGraph.intAttribute("axis", 0));
        String positionIds = graph.node(SCOPE, "Range", List.of(graph.int64s(true, 0), length, graph.int64s(true, 1)));
        String positions = graph.node(SCOPE + "/position_embeddings", "Gather", List.of(
                bert.tensor(BertNames.POSITION_EMBEDDINGS, bert.config().maxPositions(), hidden), positionIds));
        String types = graph.node(SCOPE + "/token_type_embeddings", "Gather", List.of(
                bert.tensor(BertNames.TOKEN_TYPE_EMBEDDINGS, bert.config().typeVocabSize(), hidden), tokenTypeIds));
        // the order of zeroprune's forward pass: words + positions + types
        String sum = graph.node(SCOPE, "Add", List.of(graph.node(SCOPE, "Add", List.of(words, positions)), types));
        return bert.layerNorm("embeddings.LayerNorm", sum);
    }
}
