package org.zeroprune.nas.export.onnx;

import java.util.List;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.forward.Activation;

/**
 * One layer's FFN block with its own width: intermediate projection, activation, output projection,
 * residual and LayerNorm. A layer without neurons adds only the output projection's bias to the
 * residual before its LayerNorm, as zeroprune's forward pass does.
 */
final class FeedForwardNodes {
    private static final float SQRT_2 = (float) Math.sqrt(2);
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);

    private FeedForwardNodes() {
    }

    /** Layer {@code layer}'s FFN block over {@code hidden} {@code [B, T, hidden]}. */
    static String add(BertNodes bert, int layer, String hidden) {
        NodeGraph graph = bert.graph();
        int size = bert.config().hiddenSize();
        int width = bert.config().ffnWidth(layer);
        String output = BertNames.layer(layer) + "output.";
        String residual;
        if (width == 0) {
            String bias = bert.tensor(output + "dense.bias", size);
            residual = graph.node("/" + output + "dense", "Add", List.of(hidden, bias));
        } else {
            String intermediate = BertNames.layer(layer) + "intermediate.dense";
            String inner = bert.linear(intermediate, hidden, size, width);
            String activated = activation(graph, "/" + intermediate, inner, Activation.forName(bert.config().hiddenAct()));
            residual = graph.node("/" + output + "dense", "Add", List.of(bert.linear(output + "dense", activated, width, size),
                    hidden));
        }
        return bert.layerNorm(output + "LayerNorm", residual);
    }

    /**
     * The activation in opset-17 operators (Gelu is an operator only from opset 20), written the way
     * ONNX Runtime's optimizer recognises and fuses.
     */
    static String activation(NodeGraph graph, String scope, String x, Activation activation) {
        return switch (activation) {
            // x · ½ · (1 + erf(x / √2)): torch's exact GELU
            case GELU_ERF -> {
                String erf = graph.node(scope, "Erf", List.of(graph.node(scope, "Div", List.of(x, graph.scalar(SQRT_2)))));
                yield half(graph, scope, x, erf);
            }
            // x · ½ · (1 + tanh(√(2/π) · (x + 0.044715 · x³))): HF gelu_new
            case GELU_TANH -> {
                String cube = graph.node(scope, "Pow", List.of(x, graph.scalar(3f)));
                String inner = graph.node(scope, "Add", List.of(graph.node(scope, "Mul", List.of(cube, graph.scalar(0.044715f))), x));
                String tanh = graph.node(scope, "Tanh", List.of(graph.node(scope, "Mul", List.of(inner, graph.scalar(SQRT_2_OVER_PI)))));
                yield half(graph, scope, x, tanh);
            }
            case RELU -> graph.node(scope, "Relu", List.of(x));
        };
    }

    /** {@code (1 + t) · x · ½}. */
    private static String half(NodeGraph graph, String scope, String x, String t) {
        String onePlus = graph.node(scope, "Add", List.of(t, graph.scalar(1f)));
        return graph.node(scope, "Mul", List.of(graph.node(scope, "Mul", List.of(onePlus, x)), graph.scalar(0.5f)));
    }
}
