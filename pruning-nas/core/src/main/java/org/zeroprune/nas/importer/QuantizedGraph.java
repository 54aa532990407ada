package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recognises quantized ONNX exports (onnxruntime's dynamic int8 quantization, QDQ / static
 * quantization, optimum's {@code model_quantized.onnx}, the "-q" files of model hubs). Their
 * weights are integers with scales, not the float32 matrices the importer maps to HF names, so
 * without this check they fail later with a misleading "no initializer named ..." message.
 */
final class QuantizedGraph {
    private static final Set<String> QUANTIZED_OPS = Set.of("QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear",
            "MatMulInteger", "QLinearMatMul", "ConvInteger", "QLinearConv", "QGemm", "QAttention", "QEmbedLayerNormalization",
            "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "QLinearAdd", "QLinearMul", "MatMulNBits", "MatMulBnb4",
            "QOrderedMatMul", "QOrderedAttention", "GatherBlockQuantized");
    // TensorProto.DataType: UINT8 2, INT8 3, UINT4 21, INT4 22
    private static final Set<Integer> INTEGER_WEIGHT_TYPES = Set.of(2, 3, 21, 22);

    private QuantizedGraph() {
    }

    /**
     * Refuses a quantized graph, saying what it is and what to import instead.
     *
     * @throws OnnxImportException naming the file, the quantization operators and integer weights found
     */
    static void refuse(String source, OnnxGraph graph) {
        TreeSet<String> ops = new TreeSet<>();
        for (NodeProto node : graph.nodes()) {
            if (QUANTIZED_OPS.contains(node.getOpType())) {
                ops.add(node.getOpType());
            }
        }
        long integerWeights = graph.initializers().values().stream()
                .filter(t -> INTEGER_WEIGHT_TYPES.contains(t.getDataType()) && t.getDimsCount() >= 2).count();
        if (ops.isEmpty() && integerWeights == 0) {
            return;
        }
        boolean qdq = ops.contains("QuantizeLinear") || ops.contains("DequantizeLinear");
        throw new OnnxImportException(source + ": an int8 " + (qdq ? "QDQ " : "") + "quantized ONNX model ("
                + (ops.isEmpty() ? "" : "operators " + ops + (integerWeights > 0 ? ", " : ""))
                + (integerWeights > 0 ? integerWeights + " int8/uint8 weight initializers" : "") + "); quantized models"
                + " are not supported. Use the float32 export of the same model instead (e.g. model.onnx rather than"
                + " model_quantized.onnx or a \"-q\" file) or its HuggingFace checkpoint directory");
    }
}
