package org.zeroprune.nas.export.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * An ONNX graph under construction: nodes in topological order with unique names, the weights they
 * read (kept as checkpoint tensors until the file is written, so that nothing is copied twice) and
 * small constants. Node and value names follow the exporters' {@code /scope/Op} convention, so that
 * a reader (zeroprune's own importer included) finds each MatMul's BERT module from its name.
 */
final class NodeGraph {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<String, Integer> nameUses = new HashMap<>();
    private final Map<String, TensorProto> constants = new LinkedHashMap<>();
    private final List<Weight> weights = new ArrayList<>();

    /**
     * An initializer whose bytes are made only when the file is written, so that nothing is copied twice.
     *
     * @param name the initializer's name
     * @param dataType ONNX element type ({@code TensorProto.DataType})
     * @param dims dimensions as stored
     * @param elementBytes bytes per element
     * @param data makes a new little-endian buffer of the values as stored, position 0
     */
    record Weight(String name, int dataType, long[] dims, int elementBytes, Supplier<ByteBuffer> data) {
        /** Bytes as stored. */
        long bytes() {
            long n = elementBytes;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /** Adds a node of {@code op} with one output, named after the node; returns the output's name. */
    String node(String scope, String op, List<String> inputs, AttributeProto... attributes) {
        String name = unique(scope + "/" + op);
        return nodeTo(name + "_output_0", name, op, inputs, attributes);
    }

    /** Renames the output of the last node added (the graph's output takes a fixed name). */
    void renameLastOutput(String name) {
        graph.getNodeBuilder(graph.getNodeCount() - 1).setOutput(0, name);
    }

    private String nodeTo(String output, String name, String op, List<String> inputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addOutput(output)
                .addAllAttribute(List.of(attributes)));
        return output;
    }

    /**
     * Registers a float checkpoint tensor as an initializer named {@code name}; returns the name.
     *
     * @param transposed whether to store the transpose of a 2-D tensor (HF Linear {@code [out, in]} as MatMul's
     *     {@code [in, out]})
     */
    String weight(String name, Tensor tensor, boolean transposed) {
        int[] shape = tensor.shape();
        long[] dims = transposed ? new long[] {shape[1], shape[0]} : Arrays.stream(shape).asLongStream().toArray();
        return initializer(new Weight(name, TensorProto.DataType.FLOAT_VALUE, dims, Float.BYTES,
                () -> WeightBytes.floats(tensor, transposed)));
    }

    /** Registers an initializer made from the checkpoint when written (quantized weights, their scales); returns its name. */
    String initializer(Weight weight) {
        weights.add(weight);
        return weight.name();
    }

    /**
     * Adds a node of {@code op} with {@code outputs} outputs, named after the node and numbered; returns their names.
     */
    List<String> nodeWithOutputs(String scope, String op, List<String> inputs, int outputs) {
        String name = unique(scope + "/" + op);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            names.add(name + "_output_" + i);
        }
        graph.addNode(NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addAllOutput(names));
        return names;
    }

    /** A float32 scalar constant, shared by every node that uses the same value. */
    String scalar(float value) {
        String name = "const_float_" + Float.toString(value);
        constants.computeIfAbsent(name, n -> TensorProto.newBuilder().setName(n)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(value).build());
        return name;
    }

    /** An int64 constant: a scalar for no dimension, else a vector; shared by every node that uses it. */
    String int64s(boolean scalar, long... values) {
        StringBuilder name = new StringBuilder(scalar ? "const_int64" : "const_int64s");
        for (long v : values) {
            name.append('_').append(v);
        }
        return constants.computeIfAbsent(name.toString(), n -> {
            TensorProto.Builder t = TensorProto.newBuilder().setName(n).setDataType(TensorProto.DataType.INT64_VALUE);
            if (!scalar) {
                t.addDims(values.length);
            }
            for (long v : values) {
                t.addInt64Data(v);
            }
            return t.build();
        }).getName();
    }

    /** The graph's nodes, inputs and outputs as built so far, with the constants but without the weights. */
    GraphProto.Builder proto() {
        GraphProto.Builder copy = graph.clone();
        copy.addAllInitializer(constants.values());
        return copy;
    }

    /** Declares a graph input. */
    void input(String name, int elementType, Object... dims) {
        graph.addInput(valueInfo(name, elementType, dims));
    }

    /** Declares a graph output. */
    void output(String name, int elementType, Object... dims) {
        graph.addOutput(valueInfo(name, elementType, dims));
    }

    /** A typed value: each dimension a fixed size (a number) or a named, dynamic axis (a string). */
    private static ValueInfoProto valueInfo(String name, int elementType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String param) {
                dim.setDimParam(param);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape))).build();
    }

    /** The weights, in the order they were registered. */
    List<Weight> weights() {
        return List.copyOf(weights);
    }

    private String unique(String name) {
        int uses = nameUses.merge(name, 1, Integer::sum);
        return uses == 1 ? name : name + "_" + (uses - 1);
    }

    /** An integer attribute. */
    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A float attribute. */
    static AttributeProto floatAttribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    /** An integer-list attribute. */
    static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
