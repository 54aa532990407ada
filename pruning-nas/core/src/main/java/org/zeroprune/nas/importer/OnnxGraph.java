package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Index over an ONNX graph: initializers by name, the producer and the consumers of every value. */
final class OnnxGraph {
    private final GraphProto graph;
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();

    OnnxGraph(GraphProto graph) {
        this.graph = graph;
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto node : graph.getNodeList()) {
            for (String output : node.getOutputList()) {
                producers.put(output, node);
            }
            for (String input : node.getInputList()) {
                consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
            }
        }
    }

    GraphProto proto() {
        return graph;
    }

    Map<String, TensorProto> initializers() {
        return initializers;
    }

    Optional<TensorProto> initializer(String name) {
        return Optional.ofNullable(initializers.get(name));
    }

    Optional<NodeProto> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    List<NodeProto> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    List<NodeProto> nodes() {
        return graph.getNodeList();
    }
}
