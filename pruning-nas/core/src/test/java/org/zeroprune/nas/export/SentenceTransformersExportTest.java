package org.zeroprune.nas.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.CheckpointException;
import org.zeroprune.nas.checkpoint.SentenceTransformersLayout;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
import org.zeroprune.nas.onnxruntime.OrtSessions;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The exported folder is a sentence-transformers model as its save format describes one, since Python's
 * sentence-transformers is not at hand here: {@code modules.json}, {@code sentence_bert_config.json} and
 * the Pooling module's configuration with the keys and values the convention requires, and the ONNX
 * models where its ONNX backend looks, the same files as the ones beside {@code config.json}.
 */
class SentenceTransformersExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> POOLING_KEYS = List.of("word_embedding_dimension", "pooling_mode_cls_token",
            "pooling_mode_mean_tokens", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens",
            "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken", "include_prompt");

    @TempDir
    Path dir;

    @Test
    void aModelWithoutALayoutGetsMeanPoolingAndTheOnnxFilesWhereSentenceTransformersLooks() throws Exception {
        TinyBert tiny = new TinyBert();
        BertCheckpoint dense = BertCheckpoint.read(tiny.write(dir.resolve("dense")));
        Path out = export(dense, ExportFormat.BOTH, new Quantization(true, false));

        JsonNode modules = JSON.readTree(out.resolve("modules.json").toFile());
        assertEquals(2, modules.size(), "Transformer and Pooling, no Normalize: " + modules);
        assertModule(modules.get(0), 0, "", "sentence_transformers.models.Transformer");
        assertModule(modules.get(1), 1, "1_Pooling", "sentence_transformers.models.Pooling");
        JsonNode pooling = JSON.readTree(out.resolve("1_Pooling/config.json").toFile());
        assertEquals(POOLING_KEYS, iterate(pooling.fieldNames()));
        assertEquals(tiny.hidden, pooling.get("word_embedding_dimension").asInt());
        for (String key : POOLING_KEYS.subList(1, 7)) {
            assertEquals(key.equals("pooling_mode_mean_tokens"), pooling.get(key).asBoolean(), key);
        }
        JsonNode transformer = JSON.readTree(out.resolve("sentence_bert_config.json").toFile());
        assertEquals(tiny.positions, transformer.get("max_seq_length").asInt());
        assertFalse(transformer.get("do_lower_case").asBoolean());
        assertEquals("bert", JSON.readTree(out.resolve("config.json").toFile()).get("model_type").asText());
        assertFalse(Files.exists(out.resolve("2_Normalize")));

        assertSameFile(out.resolve("model.onnx"), out.resolve("onnx/model.onnx"));
        assertSameFile(out.resolve("model_qint8.onnx"), out.resolve("onnx/model_qint8_quantized.onnx"));
        int[][] ids = ZeroPaddedExportTest.randomIds(10, tiny.vocab, 5);
        float[][][] root = run(out.resolve("model.onnx"), ids);
        assertEquals(0.0, HiddenStates.maxAbsDiff(root, run(out.resolve("onnx/model.onnx"), ids)));
        float[][][] int8 = run(out.resolve("onnx/model_qint8_quantized.onnx"), ids);
        assertTrue(HiddenStates.maxAbsDiff(root, int8) < 0.5, "the int8 model runs and approximates the float one");
    }

    @Test
    void aModelWithALayoutKeepsItsModulesNormalizationAndSettings() throws Exception {
        Path source = new TinyBert().write(dir.resolve("dense"));
        SentenceTransformersLayout.meanPooling(16, 24, true).write(source);
        Files.writeString(source.resolve("config_sentence_transformers.json"), "{\"similarity_fn_name\": \"cosine\"}\n");
        Path out = export(BertCheckpoint.read(source), ExportFormat.ONNX, Quantization.NONE);

        SentenceTransformersLayout layout = SentenceTransformersLayout.read(out).orElseThrow();
        assertTrue(layout.normalizes());
        assertEquals(List.of("sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                "sentence_transformers.models.Normalize"), layout.types());
        assertModule(JSON.readTree(out.resolve("modules.json").toFile()).get(2), 2, "2_Normalize",
                "sentence_transformers.models.Normalize");
        assertTrue(Files.isDirectory(out.resolve("2_Normalize")));
        assertEquals(24, JSON.readTree(out.resolve("sentence_bert_config.json").toFile()).get("max_seq_length").asInt());
        assertEquals("cosine", JSON.readTree(out.resolve("config_sentence_transformers.json").toFile())
                .get("similarity_fn_name").asText());
        assertFalse(Files.exists(out.resolve("onnx/model_qint8_quantized.onnx")), "no int8 model was asked for");
    }

    @Test
    void aLayoutWithTheTransformerInAFolderIsRefusedNamingTheModule() throws Exception {
        Path source = new TinyBert().write(dir.resolve("dense"));
        Files.writeString(source.resolve("modules.json"), "[{\"idx\": 0, \"name\": \"0\", \"path\": \"0_Transformer\","
                + " \"type\": \"sentence_transformers.models.Transformer\"}]");
        CheckpointException e = assertThrows(CheckpointException.class, () -> SentenceTransformersLayout.read(source));
        assertEquals(source.resolve("modules.json") + ": module 0 is the Transformer in '0_Transformer'; expected path ''"
                + " (the model at the folder's root, which is what zeroprune reads and writes)", e.getMessage());
    }

    @Test
    void theEmbeddedModelCarriesItsReleasesNormalizedMeanPooling() {
        SentenceTransformersLayout layout = SentenceTransformersLayout.read(EmbeddedEncoder.checkpoint().directory())
                .orElseThrow();
        assertTrue(layout.normalizes(), "all-MiniLM-L6-v2's sentence-transformers release ends in Normalize");
    }

    @Test
    void aSafetensorsOnlyExportIsNoSentenceTransformersFolder() throws Exception {
        Path out = export(BertCheckpoint.read(new TinyBert().write(dir.resolve("dense"))), ExportFormat.SAFETENSORS,
                Quantization.NONE);
        assertFalse(Files.exists(out.resolve("modules.json")));
        assertFalse(Files.exists(out.resolve("onnx")));
    }

    private Path export(BertCheckpoint dense, ExportFormat format, Quantization quantization) throws IOException {
        Path out = Files.createDirectory(dir.resolve("out-" + format.key()));
        PruningMask mask = RandomMasks.bernoulli(dense.config(), 0.6, 7);
        PrunedModelExport.write(dense, mask, out, JSON.createObjectNode(), format, quantization, UnaryOperator.identity());
        return out;
    }

    private static void assertModule(JsonNode module, int idx, String path, String type) {
        assertEquals(idx, module.get("idx").asInt());
        assertEquals(Integer.toString(idx), module.get("name").asText());
        assertEquals(path, module.get("path").asText());
        assertEquals(type, module.get("type").asText());
    }

    private static void assertSameFile(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual + " holds " + expected);
        // a hard link, not a second copy, where the file system has them (as the test's temporary folder does)
        assertTrue(Files.isSameFile(expected, actual), actual + " is a link to " + expected);
    }

    private static float[][][] run(Path model, int[][] ids) throws OrtException {
        try (OrtSession session = OrtSessions.open(model, 0)) {
            return HiddenStates.onnxRuntime(session, ids, 4, 0);
        }
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
