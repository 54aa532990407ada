package org.zeroprune.nas.export.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * The weight product in ONNX Runtime's dynamic int8 form, which its CPU kernels run on integers:
 * {@code DynamicQuantizeLinear} (the activation to uint8 with a per-batch scale and zero point) →
 * {@code MatMulInteger} (int8 weights, per output channel, zero point 0) → {@code Cast} to float →
 * {@code Mul} by activation scale × weight scales. ONNX Runtime's optimizer fuses this chain (with the
 * bias Add after it) into {@code MatMulIntegerToFloat}, or {@code DynamicQuantizeMatMul} when the
 * quantized activation feeds one product only. An activation read by several products (Q, K and V
 * read the same hidden state) is quantized once.
 */
final class DynamicInt8Product implements WeightProduct {
    private final int levels;
    /** Activation name → its DynamicQuantizeLinear outputs {@code {x_q, x_scale, x_zero_point}}. */
    private final Map<String, List<String>> quantizedActivations = new HashMap<>();

    /** @param reduceRange 7-bit weights (±63) for CPUs whose int8 path saturates 16-bit sums (no VNNI); else ±127 */
    DynamicInt8Product(boolean reduceRange) {
        this.levels = reduceRange ? 63 : 127;
    }

    @Override
    public String times(NodeGraph graph, String module, String x, Tensor weight) {
        String scope = "/" + module;
        List<String> activation = quantizedActivations.computeIfAbsent(x,
                a -> graph.nodeWithOutputs(scope, "DynamicQuantizeLinear", List.of(a), 3));
        int in = weight.dim(1);
        int out = weight.dim(0);
        String q = graph.initializer(new NodeGraph.Weight(module + ".weight_quantized", TensorProto.DataType.INT8_VALUE,
                new long[] {in, out}, 1, () -> Int8Columns.quantized(weight, levels)));
        String scaleName = module + ".weight_scale";
        String scale = graph.initializer(new NodeGraph.Weight(scaleName, TensorProto.DataType.FLOAT_VALUE,
                new long[] {out}, Float.BYTES, () -> Int8Columns.floats(scaleName, Int8Columns.scales(weight, levels))));
        String zeroName = module + ".weight_zero_point";
        String zero = graph.initializer(new NodeGraph.Weight(zeroName, TensorProto.DataType.INT8_VALUE, new long[] {out},
                1, () -> WeightBytes.allocate(zeroName, out)));
        String integers = graph.node(scope, "MatMulInteger", List.of(activation.get(0), q, activation.get(2), zero));
        String floats = graph.node(scope, "Cast", List.of(integers), NodeGraph.intAttribute("to",
                TensorProto.DataType.FLOAT_VALUE));
        String scales = graph.node(scope, "Mul", List.of(activation.get(1), scale));
        return graph.node(scope, "Mul", List.of(floats, scales));
    }
}
