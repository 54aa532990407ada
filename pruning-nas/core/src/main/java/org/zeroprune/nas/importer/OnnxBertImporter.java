package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.checkpoint.SafetensorsWriter;
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
 * {@code 1/sqrt(head size)} scale in the graph; sources that disagree are refused. The weights are
 * gathered by {@link ImportedWeights}, the configuration by {@link ImportedConfig}. Quantized graphs
 * are refused up front (see {@link QuantizedGraph}), and a tokenizer is loaded before it is copied.
 */
public final class OnnxBertImporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxBertImporter() {
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
        return importStream(in, source, tokenizer, heads, outputDirectory, dir -> { });
    }

    /** As above, with {@code alsoWrite} adding files to the checkpoint directory before it is put in place. */
    static BertCheckpoint importStream(InputStream in, String source, Optional<Path> tokenizer, OptionalInt heads,
            Path outputDirectory, AtomicFiles.Writer alsoWrite) {
        tokenizer.ifPresent(BertTokenizer::check);
        return importStream(in, source, tokenizer, new HeadCount().claim(HeadCount.TOLD, heads), outputDirectory,
                contents -> AtomicFiles.writeDirectory(outputDirectory, dir -> {
                    contents.write(dir);
                    alsoWrite.write(dir);
                }));
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
        OnnxGraph graph = new OnnxGraph(model.getGraph());
        QuantizedGraph.refuse(source, graph);
        ImportedWeights weights = ImportedWeights.collect(source, graph);
        UnevenLayers.refuseEmptyBlocks(source, weights);
        ObjectNode config = ImportedConfig.of(source, graph, weights, heads);
        weights.checkComplete(config.get("num_hidden_layers").asInt());
        UnevenLayers.refuse(source, weights.tensors(), config.get("num_hidden_layers").asInt(),
                config.get("hidden_size").asInt());
        publish.accept(dir -> {
            SafetensorsWriter.write(dir.resolve(BertCheckpoint.WEIGHTS), new ArrayList<>(weights.tensors().values()),
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
