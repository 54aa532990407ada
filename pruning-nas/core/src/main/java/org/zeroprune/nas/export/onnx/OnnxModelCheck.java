package org.zeroprune.nas.export.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zeroprune.nas.ZeroPruneException;

/**
 * Structural checks of an exported BERT ONNX model, the part of the ONNX checker that a Java
 * program can run (ONNX Runtime's Java API has no checker; loading a session checks types and
 * shapes as it optimises): one default-domain opset import of version {@value ModelFile#OPSET}; the
 * HF optimum interface (three int64 {@code [batch_size, sequence_length]} inputs,
 * {@code last_hidden_state} float32 {@code [batch_size, sequence_length, hidden]}); only standard
 * operators that opset 17 defines; nodes in topological order, every input defined before use,
 * every output defined once (the int8 file's quantization operators included); every initializer used, with as many bytes (inside the file, or in the
 * external data file at its offset) as its type and dimensions need; no node whose output goes
 * nowhere.
 */
public final class OnnxModelCheck {
    private static final List<String> INPUTS = List.of(BertGraph.INPUT_IDS, BertGraph.ATTENTION_MASK,
            BertGraph.TOKEN_TYPE_IDS);
    /** The standard operators the export emits; all are defined at opset 17 without a newer version needed. */
    private static final Set<String> OPERATORS = Set.of("Add", "Cast", "Div", "DynamicQuantizeLinear", "Erf", "Gather",
            "LayerNormalization", "MatMul", "MatMulInteger", "Mul", "Pow", "Range", "Relu", "Reshape", "Shape", "Softmax", "Sub", "Tanh", "Transpose", "Unsqueeze");

    private OnnxModelCheck() {
    }

    /**
     * Reads {@code modelFile} and lists what is wrong with it, empty when nothing is.
     *
     * @throws ZeroPruneException when the file cannot be read as an ONNX model
     */
    public static List<String> problems(Path modelFile) {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return problems(ModelProto.parseFrom(in), modelFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ZeroPruneException(modelFile + ": cannot be read as an ONNX model (" + e.getMessage() + ")", e);
        }
    }

    /** What is wrong with {@code model}, whose external data files (if any) live in {@code directory}. */
    public static List<String> problems(ModelProto model, Path directory) {
        List<String> problems = new ArrayList<>();
        if (model.getIrVersion() < ModelFile.IR_VERSION) {
            problems.add("ir_version " + model.getIrVersion() + "; expected at least " + ModelFile.IR_VERSION);
        }
        List<OperatorSetIdProto> opsets = model.getOpsetImportList();
        if (opsets.size() != 1 || !opsets.get(0).getDomain().isEmpty() || opsets.get(0).getVersion() != ModelFile.OPSET) {
            problems.add("opset imports " + opsets.stream().map(o -> "'" + o.getDomain() + "' " + o.getVersion()).toList()
                    + "; expected only the default domain at version " + ModelFile.OPSET);
        }
        checkInterface(model, problems);
        Map<String, Integer> unused = new HashMap<>();
        Set<String> defined = new HashSet<>();
        model.getGraph().getInputList().forEach(i -> defined.add(i.getName()));
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (!defined.add(t.getName())) {
                problems.add("initializer '" + t.getName() + "' is defined twice (or is also an input)");
            }
            unused.put(t.getName(), 0);
            checkData(t, directory, problems);
        }
        Set<String> consumed = new HashSet<>();
        Set<String> nodeNames = new HashSet<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            String where = "node '" + node.getName() + "' (" + node.getOpType() + ")";
            if (!nodeNames.add(node.getName())) {
                problems.add(where + ": the node name is used twice");
            }
            if (!node.getDomain().isEmpty() || !OPERATORS.contains(node.getOpType())) {
                problems.add(where + ": not one of the standard opset-" + ModelFile.OPSET + " operators " + OPERATORS);
            }
            for (String input : node.getInputList()) {
                if (!input.isEmpty() && !defined.contains(input)) {
                    problems.add(where + ": input '" + input + "' is not defined before the node");
                }
                unused.remove(input);
                consumed.add(input);
            }
            for (String output : node.getOutputList()) {
                if (!defined.add(output)) {
                    problems.add(where + ": output '" + output + "' is already defined");
                }
            }
        }
        unused.keySet().stream().sorted().forEach(name -> problems.add("initializer '" + name + "' is used by no node"));
        model.getGraph().getOutputList().forEach(o -> consumed.add(o.getName()));
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (node.getOutputList().stream().noneMatch(consumed::contains)) {
                problems.add("node '" + node.getName() + "': its output is used by nothing");
            }
        }
        for (ValueInfoProto output : model.getGraph().getOutputList()) {
            if (!defined.contains(output.getName())) {
                problems.add("graph output '" + output.getName() + "' is produced by no node");
            }
        }
        return problems;
    }

    private static void checkInterface(ModelProto model, List<String> problems) {
        List<ValueInfoProto> inputs = model.getGraph().getInputList();
        if (!inputs.stream().map(ValueInfoProto::getName).toList().equals(INPUTS)) {
            problems.add("inputs " + inputs.stream().map(ValueInfoProto::getName).toList() + "; expected " + INPUTS);
        }
        for (ValueInfoProto input : inputs) {
            checkValue(input, TensorProto.DataType.INT64_VALUE, List.of("batch_size", "sequence_length"), problems);
        }
        List<ValueInfoProto> outputs = model.getGraph().getOutputList();
        if (outputs.size() != 1 || !outputs.get(0).getName().equals(BertGraph.LAST_HIDDEN_STATE)) {
            problems.add("outputs " + outputs.stream().map(ValueInfoProto::getName).toList() + "; expected ["
                    + BertGraph.LAST_HIDDEN_STATE + "]");
        } else {
            checkValue(outputs.get(0), TensorProto.DataType.FLOAT_VALUE, List.of("batch_size", "sequence_length", "hidden"),
                    problems);
        }
    }

    /** Element type and dimensions: named axes for batch and sequence, a positive size for the hidden one. */
    private static void checkValue(ValueInfoProto value, int elementType, List<String> dims, List<String> problems) {
        var tensor = value.getType().getTensorType();
        List<TensorShapeProto.Dimension> shape = tensor.getShape().getDimList();
        boolean ok = tensor.getElemType() == elementType && shape.size() == dims.size();
        for (int i = 0; ok && i < dims.size(); i++) {
            ok = dims.get(i).equals("hidden") ? shape.get(i).getDimValue() > 0 : dims.get(i).equals(shape.get(i).getDimParam());
        }
        if (!ok) {
            problems.add("'" + value.getName() + "' has element type " + tensor.getElemType() + " and dimensions "
                    + shape.stream().map(d -> d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue())).toList()
                    + "; expected element type " + elementType + " and " + dims);
        }
    }

    private static void checkData(TensorProto t, Path directory, List<String> problems) {
        long elements = 1;
        for (long d : t.getDimsList()) {
            elements = d < 0 ? -1 : elements * d;
        }
        int size = switch (t.getDataType()) {
            case TensorProto.DataType.FLOAT_VALUE -> 4;
            case TensorProto.DataType.INT64_VALUE -> 8;
            case TensorProto.DataType.INT8_VALUE -> 1;
            default -> 0;
        };
        String where = "initializer '" + t.getName() + "' " + t.getDimsList();
        if (size == 0 || elements < 0) {
            problems.add(where + ": data type " + t.getDataType() + "; expected FLOAT, INT64 or INT8 with non-negative dimensions");
            return;
        }
        long expected = elements * size;
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            checkExternal(t, directory, expected, where, problems);
            return;
        }
        long found = !t.getRawData().isEmpty() ? t.getRawData().size()
                : (long) size * (size == 4 ? t.getFloatDataCount() : t.getInt64DataCount());
        if (found != expected) {
            problems.add(where + ": " + found + " bytes of data; expected " + expected);
        }
    }

    private static void checkExternal(TensorProto t, Path directory, long expected, String where, List<String> problems) {
        Map<String, String> entries = new HashMap<>();
        for (StringStringEntryProto e : t.getExternalDataList()) {
            entries.put(e.getKey(), e.getValue());
        }
        try {
            Path file = directory.resolve(entries.getOrDefault("location", ""));
            long offset = Long.parseLong(entries.getOrDefault("offset", "0"));
            long length = Long.parseLong(entries.getOrDefault("length", "-1"));
            if (length != expected || !Files.isRegularFile(file) || offset < 0 || offset + length > Files.size(file)) {
                problems.add(where + ": external data " + entries + "; expected " + expected
                        + " bytes inside an existing file beside the model");
            }
        } catch (NumberFormatException | IOException e) {
            problems.add(where + ": external data " + entries + " cannot be checked (" + e.getMessage() + ")");
        }
    }
}
