package org.zeroprune.nas.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.checkpoint.SafetensorsWriter;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.io.OutputDirectory;

/**
 * Turns a BERT encoder exported to ONNX (as HF/optimum or {@code torch.onnx} produce it) into a
 * HuggingFace checkpoint directory.
 *
 * <p>Exporters keep the HF names of biases, LayerNorms and embeddings but often store the Linear
 * weights as anonymous initializers ({@code onnx::MatMul_787}) in the MatMul layout {@code [in, out]}.
 * Each such weight is named by following the graph from its {@code MatMul} to the {@code Add} that
 * adds a named bias ({@code X.bias} gives {@code X.weight}), or failing that from the node's scope
 * name, and transposed to HF's {@code [out, in]}. The number of heads, which no weight reveals, comes
 * from the user, from a {@code config.json} beside the file, or from the attention's
 * {@code 1/sqrt(head size)} scale in the graph; sources that disagree are refused. Quantized graphs
 * are refused up front (see {@link QuantizedGraph}), and a tokenizer is loaded before it is copied.
 */
public final class OnnxBertImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");
    private static final Pattern SCOPE = Pattern.compile("^/?(.*)/(MatMul|Gemm)(_\\d+)?$");

    private final String source;
    private final OnnxGraph graph;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final List<String> unnamed = new ArrayList<>();

    private OnnxBertImporter(String source, ModelProto model) {
        this.source = source;
        this.graph = new OnnxGraph(model.getGraph());
    }

    /**
     * Imports {@code onnxFile} into {@code outputDirectory} (written atomically).
     *
     * @param tokenizer {@code tokenizer.json} to copy beside the weights, if any
     * @param heads number of attention heads, if the user knows it
     * @return the written checkpoint, read back and validated
     */
    public static BertCheckpoint importFile(Path onnxFile, Optional<Path> tokenizer, OptionalInt heads, Path outputDirectory) {
        return importFile(onnxFile, tokenizer, heads, outputDirectory, contents -> AtomicFiles.writeDirectory(outputDirectory,
                contents));
    }

    /** As {@link #importFile(Path, Optional, OptionalInt, Path)}, into a claimed output directory. */
    public static BertCheckpoint importFile(Path onnxFile, Optional<Path> tokenizer, OptionalInt heads, OutputDirectory output) {
        return importFile(onnxFile, tokenizer, heads, output.path(), output::write);
    }

    private static BertCheckpoint importFile(Path onnxFile, Optional<Path> tokenizer, OptionalInt heads, Path outputDirectory,
            Consumer<AtomicFiles.Writer> publish) {
        if (!Files.isRegularFile(onnxFile)) {
            throw new OnnxImportException(onnxFile + ": not found; expected an .onnx file");
        }
        tokenizer.ifPresent(BertTokenizer::check);
        Path config = onnxFile.toAbsolutePath().resolveSibling("config.json");
        HeadCount known = new HeadCount().claim(HeadCount.TOLD, heads)
                .claim("num_attention_heads in " + config, headsFromConfig(config));
        try (InputStream in = Files.newInputStream(onnxFile)) {
            return importStream(in, onnxFile.toString(), tokenizer, known, outputDirectory, publish);
        } catch (IOException e) {
            throw new OnnxImportException(onnxFile + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Imports an ONNX model read from {@code in}; {@code source} names it in messages.
     *
     * @param tokenizer {@code tokenizer.json} to copy beside the weights, if any; checked first
     * @param heads number of attention heads, if known; refused if the graph's attention scale says otherwise
     */
    public static BertCheckpoint importStream(InputStream in, String source, Optional<Path> tokenizer, OptionalInt heads,
            Path outputDirectory) {
        tokenizer.ifPresent(BertTokenizer::check);
        return importStream(in, source, tokenizer, new HeadCount().claim(HeadCount.TOLD, heads), outputDirectory,
                contents -> AtomicFiles.writeDirectory(outputDirectory, contents));
    }

    private static BertCheckpoint importStream(InputStream in, String source, Optional<Path> tokenizer, HeadCount heads,
            Path outputDirectory, Consumer<AtomicFiles.Writer> publish) {
        ModelProto model;
        try {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            model = ModelProto.parseFrom(coded);
        } catch (IOException e) {
            throw new OnnxImportException(source + ": not a readable ONNX model (" + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new OnnxImportException(source + ": the ONNX model has no graph; expected a BERT encoder export");
        }
        OnnxBertImporter importer = new OnnxBertImporter(source, model);
        QuantizedGraph.refuse(source, importer.graph);
        importer.collectNamed();
        importer.collectAnonymousLinears();
        ObjectNode config = importer.config(heads);
        importer.checkComplete(config.get("num_hidden_layers").asInt());
        UnevenLayers.refuse(source, importer.tensors, config.get("num_hidden_layers").asInt(),
                config.get("hidden_size").asInt());
        publish.accept(dir -> {
            SafetensorsWriter.write(dir.resolve(BertCheckpoint.WEIGHTS), new ArrayList<>(importer.tensors.values()),
                    Map.of("format", "pt", "source", "zeroprune import-onnx"));
            Files.writeString(dir.resolve(BertCheckpoint.CONFIG), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
            if (tokenizer.isPresent()) {
                Files.copy(tokenizer.get(), dir.resolve(BertCheckpoint.TOKENIZER));
            }
            // read back before it is published: a checkpoint that does not read is never put in place
            BertCheckpoint.read(dir);
        });
        return BertCheckpoint.read(outputDirectory);
    }

    private void collectNamed() {
        for (TensorProto t : graph.initializers().values()) {
            String name = t.getName().startsWith(BertNames.BERT_PREFIX) ? t.getName().substring(5) : t.getName();
            if (!(name.startsWith("embeddings.") || name.startsWith("encoder.") || name.startsWith("pooler."))) {
                continue;
            }
            if (OnnxTensors.isFloating(t)) {
                tensors.put(name, Tensor.ofFloats(name, OnnxTensors.shape(t), OnnxTensors.floats(t)));
            } else if (t.getDataType() == OnnxTensors.INT64) {
                tensors.put(name, Tensor.ofRaw(name, DType.I64, OnnxTensors.shape(t), OnnxTensors.int64Bytes(t)));
            }
        }
    }

    private void collectAnonymousLinears() {
        for (NodeProto node : graph.nodes()) {
            boolean matmul = node.getOpType().equals("MatMul");
            boolean gemm = node.getOpType().equals("Gemm");
            if ((!matmul && !gemm) || node.getInputCount() < 2) {
                continue;
            }
            Optional<TensorProto> weight = graph.initializer(node.getInput(1));
            if (weight.isEmpty() || weight.get().getDimsCount() != 2) {
                continue;
            }
            String stored = weight.get().getName();
            String named = stored.startsWith(BertNames.BERT_PREFIX) ? stored.substring(5) : stored;
            if (tensors.containsKey(named) && !gemm) {
                continue;
            }
            Optional<String> found = hfWeightName(node);
            if (found.isEmpty()) {
                // not a BERT weight (or not one we can name); a missing BERT tensor is reported later
                unnamed.add("'" + stored + "' of node '" + node.getName() + "'");
                continue;
            }
            String hfName = found.get();
            boolean transposed = matmul || !gemmTransB(node);
            int[] shape = OnnxTensors.shape(weight.get());
            float[] values = OnnxTensors.floats(weight.get());
            if (transposed) {
                values = OnnxTensors.transpose(values, shape[0], shape[1]);
                shape = new int[] {shape[1], shape[0]};
            }
            tensors.remove(named);
            tensors.put(hfName, Tensor.ofFloats(hfName, shape, values));
        }
    }

    private static boolean gemmTransB(NodeProto node) {
        return node.getAttributeList().stream().anyMatch(a -> a.getName().equals("transB") && a.getI() == 1);
    }

    /** {@code X.weight} from the {@code X.bias} added to the node's output, else from its scope. */
    private Optional<String> hfWeightName(NodeProto node) {
        if (node.getOpType().equals("Gemm") && node.getInputCount() > 2) {
            Optional<String> bias = graph.initializer(node.getInput(2)).map(TensorProto::getName).filter(n -> n.endsWith(".bias"));
            if (bias.isPresent()) {
                return bias.map(OnnxBertImporter::weightForBias);
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

    private ObjectNode config(HeadCount heads) {
        Tensor words = required(BertNames.WORD_EMBEDDINGS);
        Tensor positions = required(BertNames.POSITION_EMBEDDINGS);
        int hidden = words.dim(1);
        TreeSet<Integer> layers = new TreeSet<>();
        for (String name : tensors.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                layers.add(Integer.parseInt(m.group(1)));
            }
        }
        if (layers.isEmpty()) {
            throw notBert("no initializer belongs to an encoder layer (encoder.layer.N.*)");
        }
        int layerCount = layers.last() + 1;
        int intermediate = required(BertNames.intermediate(0, "bias")).dim(0);
        OptionalInt scaled = headsFromAttentionScale(hidden);
        String scale = scaled.isPresent() ? "the graph's attention scale (head size " + hidden / scaled.getAsInt()
                + " of hidden size " + hidden + ")" : "";
        int headCount = heads.claim(scale, scaled).agreed(source).orElseThrow(
                () -> new OnnxImportException(source + ": cannot infer the number of attention heads from the graph"
                        + " (no 1/sqrt(head size) scale found); pass --heads N or put the model's config.json beside the file"));
        if (headCount <= 0 || hidden % headCount != 0) {
            throw new OnnxImportException(source + ": " + headCount + " heads do not divide hidden size " + hidden);
        }
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add("BertModel");
        config.put("model_type", "bert");
        config.put("hidden_size", hidden);
        config.put("num_attention_heads", headCount);
        config.put("num_hidden_layers", layerCount);
        config.put("intermediate_size", intermediate);
        config.put("vocab_size", words.dim(0));
        config.put("max_position_embeddings", positions.dim(0));
        config.put("type_vocab_size", tensors.containsKey(BertNames.TOKEN_TYPE_EMBEDDINGS)
                ? tensors.get(BertNames.TOKEN_TYPE_EMBEDDINGS).dim(0) : 2);
        config.put("layer_norm_eps", layerNormEps().map(e -> Double.parseDouble(Float.toString(e.floatValue()))).orElse(1e-12));
        config.put("hidden_act", activation());
        config.put("imported_from", source.replaceAll(".*/", ""));
        return config;
    }

    private void checkComplete(int layerCount) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(BertNames.EMBEDDINGS_NORM_WEIGHT, BertNames.EMBEDDINGS_NORM_BIAS)) {
            if (!tensors.containsKey(name)) {
                missing.add(name);
            }
        }
        for (int layer = 0; layer < layerCount; layer++) {
            for (String kind : List.of("weight", "bias")) {
                for (String name : List.of(BertNames.query(layer, kind), BertNames.key(layer, kind), BertNames.value(layer, kind),
                        BertNames.attentionOutput(layer, kind), BertNames.attentionNorm(layer, kind),
                        BertNames.intermediate(layer, kind), BertNames.output(layer, kind), BertNames.outputNorm(layer, kind))) {
                    if (!tensors.containsKey(name)) {
                        missing.add(name);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw notBert("no initializer maps to " + (missing.size() > 4 ? missing.subList(0, 4) + " and "
                    + (missing.size() - 4) + " more" : missing));
        }
    }

    private Tensor required(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw notBert("no initializer named '" + name + "'");
        }
        return t;
    }

    private OnnxImportException notBert(String detail) {
        TreeSet<String> ops = new TreeSet<>();
        graph.nodes().forEach(n -> ops.add(n.getOpType()));
        return new OnnxImportException(source + ": not a BERT encoder export: " + detail + ". Expected HF BERT names"
                + " (embeddings.*, encoder.layer.N.*); the graph has " + graph.initializers().size()
                + " initializers and the operators " + ops + (unnamed.isEmpty() ? "" : "; MatMul weights that could not"
                + " be named after a bias or a BERT scope: " + (unnamed.size() > 3 ? unnamed.subList(0, 3) + " and "
                + (unnamed.size() - 3) + " more" : unnamed)));
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

    private static OptionalInt headsFromConfig(Path config) {
        if (!Files.isRegularFile(config)) {
            return OptionalInt.empty();
        }
        try {
            var node = JSON.readTree(config.toFile()).get("num_attention_heads");
            return node != null && node.canConvertToInt() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
        } catch (IOException e) {
            throw new OnnxImportException(config + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }
}
