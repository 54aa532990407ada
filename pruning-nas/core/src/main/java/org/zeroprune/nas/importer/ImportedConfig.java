package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * The {@code config.json} of an imported graph: sizes from the weights' shapes; the number of
 * heads, the LayerNorm epsilon and the activation, which no weight reveals, from the graph's nodes.
 */
final class ImportedConfig {
    private final String source;
    private final OnnxGraph graph;
    private final ImportedWeights weights;

    private ImportedConfig(String source, OnnxGraph graph, ImportedWeights weights) {
        this.source = source;
        this.graph = graph;
        this.weights = weights;
    }

    /**
     * The configuration of {@code weights}, imported from {@code graph}.
     *
     * @param heads what is known of the head count; the graph's attention scale is added to it
     */
    static ObjectNode of(String source, OnnxGraph graph, ImportedWeights weights, HeadCount heads) {
        return new ImportedConfig(source, graph, weights).build(heads);
    }

    private ObjectNode build(HeadCount heads) {
        Tensor words = weights.required(BertNames.WORD_EMBEDDINGS);
        Tensor positions = weights.required(BertNames.POSITION_EMBEDDINGS);
        int hidden = words.dim(1);
        int layerCount = weights.layerCount();
        if (layerCount == 0) {
            throw weights.notBert("no initializer belongs to an encoder layer (encoder.layer.N.*)");
        }
        int intermediate = weights.required(BertNames.intermediate(0, "bias")).dim(0);
        OptionalInt scaled = headsFromAttentionScale(hidden);
        String scale = scaled.isPresent() ? "the graph's attention scale (head size " + hidden / scaled.getAsInt()
                + " of hidden size " + hidden + ")" : "";
        int headCount = heads.claim(scale, scaled).agreed(source).orElseThrow(
                () -> new OnnxImportException(source + ": cannot infer the number of attention heads from the graph"
                        + " (no 1/sqrt(head size) scale found); pass --heads N or put the model's config.json beside the file"));
        if (headCount <= 0 || hidden % headCount != 0) {
            throw new OnnxImportException(source + ": " + headCount + " heads do not divide hidden size " + hidden);
        }
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putArray("architectures").add("BertModel");
        config.put("model_type", "bert");
        config.put("hidden_size", hidden);
        config.put("num_attention_heads", headCount);
        config.put("num_hidden_layers", layerCount);
        config.put("intermediate_size", intermediate);
        config.put("vocab_size", words.dim(0));
        config.put("max_position_embeddings", positions.dim(0));
        config.put("type_vocab_size", weights.tensors().containsKey(BertNames.TOKEN_TYPE_EMBEDDINGS)
                ? weights.tensors().get(BertNames.TOKEN_TYPE_EMBEDDINGS).dim(0) : 2);
        config.put("layer_norm_eps", layerNormEps().map(e -> Double.parseDouble(Float.toString(e.floatValue()))).orElse(1e-12));
        config.put("hidden_act", activation());
        config.put("imported_from", source.replaceAll(".*/", ""));
        return config;
    }

    /** The head size from the scale applied to {@code Q K^T}: a Div by sqrt(d) or a Mul by 1/sqrt(d). */
    private OptionalInt headsFromAttentionScale(int hidden) {
        for (NodeProto node : graph.nodes()) {
            boolean div = node.getOpType().equals("Div");
            boolean mul = node.getOpType().equals("Mul");
            if ((!div && !mul) || node.getInputCount() != 2) {
                continue;
            }
            Optional<NodeProto> producer = graph.producer(node.getInput(0));
            if (producer.isEmpty() || !producer.get().getOpType().equals("MatMul")
                    || graph.initializer(producer.get().getInput(1)).isPresent()) {
                continue;
            }
            Optional<Double> c = constant(node.getInput(1));
            if (c.isEmpty() || !(c.get() > 0)) {
                continue;
            }
            double d = div ? c.get() * c.get() : 1.0 / (c.get() * c.get());
            long size = Math.round(d);
            if (size > 0 && Math.abs(d - size) < 1e-2 * size && hidden % size == 0) {
                return OptionalInt.of((int) (hidden / size));
            }
        }
        return OptionalInt.empty();
    }

    private Optional<Double> layerNormEps() {
        for (NodeProto node : graph.nodes()) {
            if (node.getOpType().equals("LayerNormalization")) {
                for (AttributeProto a : node.getAttributeList()) {
                    if (a.getName().equals("epsilon")) {
                        return Optional.of((double) a.getF());
                    }
                }
            }
            if (node.getOpType().equals("Add") && node.getName().contains("LayerNorm") && node.getInputCount() == 2) {
                Optional<Double> c = constant(node.getInput(1));
                if (c.isPresent() && c.get() > 0 && c.get() < 1e-3) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private String activation() {
        boolean erf = graph.nodes().stream().anyMatch(n -> n.getOpType().equals("Erf") || n.getOpType().equals("Gelu"));
        boolean tanh = graph.nodes().stream().anyMatch(n -> n.getOpType().equals("Tanh"));
        boolean relu = graph.nodes().stream().anyMatch(n -> n.getOpType().equals("Relu"));
        return erf ? "gelu" : tanh ? "gelu_new" : relu ? "relu" : "gelu";
    }

    private Optional<Double> constant(String value) {
        Optional<TensorProto> init = graph.initializer(value);
        if (init.isPresent()) {
            return OnnxTensors.scalar(init.get());
        }
        return graph.producer(value).filter(n -> n.getOpType().equals("Constant")).flatMap(n -> n.getAttributeList().stream()
                .filter(a -> a.getName().equals("value") && a.hasT()).findFirst()).flatMap(a -> OnnxTensors.scalar(a.getT()));
    }
}
