package org.zeroprune.nas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.testing.CliRun;

/**
 * What import-onnx is told beside the graph: a head count that contradicts the graph or a
 * config.json is refused, a --tokenizer that is not a HuggingFace tokenizer is refused before any
 * work, and quantized exports are named as such instead of failing on a missing initializer.
 */
class OnnxImportInputsTest {
    @TempDir
    static Path shared;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyEmbeddedOnnx() throws Exception {
        model = shared.resolve("minilm").resolve("model.onnx");
        Files.createDirectories(model.getParent());
        try (InputStream in = EmbeddedModel.openOnnx()) {
            Files.copy(in, model);
        }
    }

    private OnnxImportException refused(Path onnx, Optional<Path> tokenizer, OptionalInt heads) {
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxBertImporter.importFile(onnx, tokenizer, heads, dir.resolve("out")));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void headsContradictingTheGraphAreRefusedNamingBothValues() {
        String message = refused(model, Optional.empty(), OptionalInt.of(8)).getMessage();
        assertTrue(message.startsWith(model + ": contradictory numbers of attention heads: 8 from --heads but 12 from"
                + " the graph's attention scale (head size 32 of hidden size 384)"), message);
    }

    @Test
    void headsContradictingAConfigJsonBesideTheFileAreRefused() throws Exception {
        Path onnx = Files.createDirectories(dir.resolve("with-config")).resolve("model.onnx");
        Files.createSymbolicLink(onnx, model);
        Path config = Files.writeString(onnx.resolveSibling("config.json"), "{\"num_attention_heads\": 6}");
        String told = refused(onnx, Optional.empty(), OptionalInt.of(12)).getMessage();
        assertTrue(told.contains("12 from --heads but 6 from num_attention_heads in " + config), told);
        String graph = refused(onnx, Optional.empty(), OptionalInt.empty()).getMessage();
        assertTrue(graph.contains("6 from num_attention_heads in " + config + " but 12 from the graph's attention scale"), graph);
        assertTrue(graph.endsWith("correct or remove the config.json"), graph);
    }

    @Test
    void aTokenizerThatIsNotAHuggingFaceTokenizerIsRefusedBeforeAnyWork() throws Exception {
        byte[] noise = new byte[512];
        new Random(3).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.json"), noise);
        Path noModel = Files.writeString(dir.resolve("nomodel.json"), "{\"version\": \"1.0\", \"vocab\": {}}");
        Path folder = Files.createDirectories(dir.resolve("tokdir"));
        Path missing = dir.resolve("missing.json");
        for (Path bad : new Path[] {random, noModel, folder, missing}) {
            ZeroPruneException e = assertThrows(ZeroPruneException.class,
                    () -> OnnxBertImporter.importFile(model, Optional.of(bad), OptionalInt.empty(), dir.resolve("out")));
            assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("expected a HuggingFace tokenizer.json"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("out")), "nothing written for " + bad);
        }
        assertTrue(assertThrows(ZeroPruneException.class, () -> OnnxBertImporter.importFile(model, Optional.of(folder),
                OptionalInt.empty(), dir.resolve("out"))).getMessage().contains(": is a directory"));
        assertTrue(assertThrows(ZeroPruneException.class, () -> OnnxBertImporter.importFile(model, Optional.of(missing),
                OptionalInt.empty(), dir.resolve("out"))).getMessage().contains(": not found"));
    }

    @Test
    void theCliNamesAMissingTokenizerInOneLine() {
        Path missing = dir.resolve("tokenizer-typo.json");
        CliRun r = CliRun.of("import-onnx", model.toString(), "--tokenizer", missing.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.status());
        assertEquals("error: " + missing + ": not found; expected a HuggingFace tokenizer.json file", r.err().strip());
    }

    @Test
    void anUnreadableTokenizerIsReportedAsUnreadable() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
        Path tokenizer = Files.copy(EmbeddedModel.checkpointDirectory().resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Files.setPosixFilePermissions(tokenizer, PosixFilePermissions.fromString("---------"));
        ZeroPruneException e = assertThrows(ZeroPruneException.class,
                () -> OnnxBertImporter.importFile(model, Optional.of(tokenizer), OptionalInt.empty(), dir.resolve("out")));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertFalse(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    /** onnxruntime's dynamic quantization: DynamicQuantizeLinear then MatMulInteger with int8 weights. */
    static ModelProto dynamicInt8() {
        return ModelProto.newBuilder().setGraph(GraphProto.newBuilder()
                .addInitializer(int8("onnx::MatMul_787_quantized", 4, 4))
                .addInitializer(TensorProto.newBuilder().setName("encoder.layer.0.attention.self.query.bias").addDims(4)
                        .setDataType(1).setRawData(ByteString.copyFrom(new byte[16])))
                .addNode(NodeProto.newBuilder().setOpType("DynamicQuantizeLinear").addInput("x").addOutput("xq")
                        .addOutput("xs").addOutput("xz"))
                .addNode(NodeProto.newBuilder().setOpType("MatMulInteger").addInput("xq").addInput("onnx::MatMul_787_quantized")
                        .addInput("xz").addOutput("y"))).build();
    }

    /** QDQ (static) quantization: int8 weights through DequantizeLinear into an ordinary MatMul. */
    static ModelProto qdq() {
        return ModelProto.newBuilder().setGraph(GraphProto.newBuilder()
                .addInitializer(int8("w_quantized", 4, 4))
                .addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").addInput("w_quantized").addInput("w_scale")
                        .addInput("w_zero_point").addOutput("w"))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("x").addInput("w").addOutput("y"))).build();
    }

    private static TensorProto int8(String name, int rows, int cols) {
        return TensorProto.newBuilder().setName(name).addDims(rows).addDims(cols).setDataType(3)
                .setRawData(ByteString.copyFrom(new byte[rows * cols])).build();
    }

    @Test
    void quantizedExportsAreNamedAndTheFloatExportSuggested() throws Exception {
        Path dynamic = Files.write(dir.resolve("model_quantized.onnx"), dynamicInt8().toByteArray());
        String message = refused(dynamic, Optional.empty(), OptionalInt.empty()).getMessage();
        assertTrue(message.startsWith(dynamic + ": an int8 quantized ONNX model (operators [DynamicQuantizeLinear,"
                + " MatMulInteger], 1 int8/uint8 weight initializers); quantized models are not supported"), message);
        assertTrue(message.contains("float32 export of the same model") && message.contains("HuggingFace checkpoint directory"),
                message);
        Path qdq = Files.write(dir.resolve("model-q.onnx"), qdq().toByteArray());
        assertTrue(refused(qdq, Optional.empty(), OptionalInt.empty()).getMessage().startsWith(qdq
                + ": an int8 QDQ quantized ONNX model (operators [DequantizeLinear]"));
        // --model x.onnx goes through the same import
        ZeroPruneException viaModel = assertThrows(ZeroPruneException.class, () -> ModelSource.load(dynamic.toString()));
        assertTrue(viaModel.getMessage().contains("int8 quantized ONNX model"), viaModel.getMessage());
        assertFalse(viaModel.getMessage().contains("no initializer named"), viaModel.getMessage());
    }
}
