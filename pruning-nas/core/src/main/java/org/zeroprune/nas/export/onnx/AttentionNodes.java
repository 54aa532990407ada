package org.zeroprune.nas.export.onnx;

import java.util.List;
import org.zeroprune.nas.checkpoint.BertNames;

/**
 * One layer's self-attention block with its own number of heads: Q, K, V projections split into
 * heads, scaled dot products plus the additive padding mask, softmax, context, output projection,
 * residual and LayerNorm. A layer without heads adds only the output projection's bias to the
 * residual before its LayerNorm, as zeroprune's forward pass does.
 */
final class AttentionNodes {
    /** Added to the scores of padding positions, as in zeroprune's forward pass; exp of it is 0 in float32. */
    private static final float PADDING_SCORE = -1e9f;

    private AttentionNodes() {
    }

    /** {@code (attention_mask - 1) · 1e9} as float {@code [B, 1, 1, T]}: 0 for tokens, -1e9 for padding. */
    static String additiveMask(NodeGraph graph, String attentionMask) {
        String scope = "/attention_mask";
        String mask = graph.node(scope, "Cast", List.of(attentionMask), NodeGraph.intAttribute("to", 1));
        String shifted = graph.node(scope, "Sub", List.of(mask, graph.scalar(1f)));
        String scores = graph.node(scope, "Mul", List.of(shifted, graph.scalar(-PADDING_SCORE)));
        return graph.node(scope, "Unsqueeze", List.of(scores, graph.int64s(false, 1, 2)));
    }

    /** Layer {@code layer}'s attention block over {@code hidden} {@code [B, T, hidden]}. */
    static String add(BertNodes bert, int layer, String hidden, String additiveMask) {
        NodeGraph graph = bert.graph();
        int size = bert.config().hiddenSize();
        int heads = bert.config().headsInLayer(layer);
        String output = BertNames.layer(layer) + "attention.output.";
        if (heads == 0) {
            String bias = bert.tensor(output + "dense.bias", size);
            return bert.layerNorm(output + "LayerNorm", graph.node("/" + output + "dense", "Add", List.of(hidden, bias)));
        }
        int d = bert.config().headSize();
        int width = heads * d;
        String self = BertNames.layer(layer) + "attention.self.";
        String q = split(graph, self + "query", bert.linear(self + "query", hidden, size, width), heads, d, 0, 2, 1, 3);
        String k = split(graph, self + "key", bert.linear(self + "key", hidden, size, width), heads, d, 0, 2, 3, 1);
        String v = split(graph, self + "value", bert.linear(self + "value", hidden, size, width), heads, d, 0, 2, 1, 3);
        String scope = "/" + self + "attention";
        String scores = graph.node(scope, "MatMul", List.of(q, k));
        String scaled = graph.node(scope, "Div", List.of(scores, graph.scalar((float) Math.sqrt(d))));
        String masked = graph.node(scope, "Add", List.of(scaled, additiveMask));
        String probabilities = graph.node(scope, "Softmax", List.of(masked), NodeGraph.intAttribute("axis", -1));
        String context = graph.node(scope, "MatMul", List.of(probabilities, v));
        String merged = graph.node(scope, "Transpose", List.of(context), NodeGraph.intsAttribute("perm", 0, 2, 1, 3));
        String flat = graph.node(scope, "Reshape", List.of(merged, graph.int64s(false, 0, 0, width)));
        String projected = bert.linear(output + "dense", flat, width, size);
        String residual = graph.node("/" + output + "dense", "Add", List.of(projected, hidden));
        return bert.layerNorm(output + "LayerNorm", residual);
    }

    /** {@code [B, T, heads·d]} as {@code [B, heads, ...]} in the given axis order (K comes transposed). */
    private static String split(NodeGraph graph, String module, String x, int heads, int d, long... perm) {
        String scope = "/" + module;
        String shaped = graph.node(scope, "Reshape", List.of(x, graph.int64s(false, 0, 0, heads, d)));
        return graph.node(scope, "Transpose", List.of(shaped), NodeGraph.intsAttribute("perm", perm));
    }
}
