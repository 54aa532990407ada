package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeroprune.nas.checkpoint.BertNames;

/**
 * The HF name of an anonymous Linear weight ({@code onnx::MatMul_787}): {@code X.weight} from the
 * {@code X.bias} added to its node's output, else from the node's scope name.
 */
final class LinearWeightNames {
    private static final Pattern SCOPE = Pattern.compile("^/?(.*)/(MatMul|Gemm)(_\\d+)?$");

    private LinearWeightNames() {
    }

    /** The HF weight name of {@code node}'s weight input, if the graph reveals one. */
    static Optional<String> of(OnnxGraph graph, NodeProto node) {
        if (node.getOpType().equals("Gemm") && node.getInputCount() > 2) {
            Optional<String> bias = graph.initializer(node.getInput(2)).map(TensorProto::getName).filter(n -> n.endsWith(".bias"));
            if (bias.isPresent()) {
                return bias.map(LinearWeightNames::weightForBias);
            }
        }
        for (NodeProto consumer : graph.consumers(node.getOutput(0))) {
            if (!consumer.getOpType().equals("Add")) {
                continue;
            }
            for (String input : consumer.getInputList()) {
                if (input.endsWith(".bias") && graph.initializer(input).isPresent()) {
                    return Optional.of(weightForBias(input));
                }
            }
        }
        Matcher m = SCOPE.matcher(node.getName());
        if (m.matches()) {
            String scope = m.group(1).replace('/', '.');
            if (scope.startsWith("bert.")) {
                scope = scope.substring(5);
            }
            if (scope.startsWith("encoder.layer.") || scope.startsWith("pooler.")) {
                return Optional.of(scope + ".weight");
            }
        }
        return Optional.empty();
    }

    private static String weightForBias(String bias) {
        String name = bias.startsWith(BertNames.BERT_PREFIX) ? bias.substring(5) : bias;
        return name.substring(0, name.length() - "bias".length()) + "weight";
    }
}
