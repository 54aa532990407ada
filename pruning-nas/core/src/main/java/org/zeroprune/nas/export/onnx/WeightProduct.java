package org.zeroprune.nas.export.onnx;

import java.util.List;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * How the graph multiplies an activation by a Linear layer's weight, the one place where the float
 * {@code model.onnx} and the int8 {@code model_qint8.onnx} differ: everything else (bias, attention
 * products, LayerNorm, activation) is the same graph code.
 */
interface WeightProduct {
    /**
     * Adds the nodes of {@code x · Wᵀ} to {@code graph}; returns the float product's name.
     *
     * @param module the HF module, e.g. {@code encoder.layer.0.attention.self.query}
     * @param x the activation, {@code [..., in]}
     * @param weight the HF Linear weight {@code [out, in]}, its shape already checked
     */
    String times(NodeGraph graph, String module, String x, Tensor weight);

    /** The float product: one MatMul with the weight stored transposed, {@code [in, out]}, as exporters store it. */
    WeightProduct FLOAT = (graph, module, x, weight) -> graph.node("/" + module, "MatMul",
            List.of(x, graph.weight("onnx::" + module + ".weight.T", weight, true)));
}
