package org.zeroprune.nas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.onnx.OnnxModelCheck;
import org.zeroprune.nas.rank.RankingMasks;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TinyBert;

class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path ranking;

    /** One ranking of the embedded model, masks in order format, without an exported model. */
    @BeforeAll
    static void prune() {
        Path out = dir.resolve("pruned");
        ZeroPrune.prune(ZeroPrune.config().strategy("test-params").option("importance", "true").flops(0.5).seed(3)
                .set("search.strategy", "random").set("search.candidates", "30").set("output.masks", "order")
                .set("output.export", "false").output(out.toString()).build());
        ranking = out.resolve("ranking.json");
    }

    @Test
    void theKthCandidateIsExportedWithTheParameterCountOfItsRankingRow() throws Exception {
        Path out = dir.resolve("rank3");
        CliRun r = CliRun.of("export", "--ranking", ranking.toString(), "--rank", "3", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("exported rank 3 of " + ranking), r.out());
        assertTrue(r.out().contains("rebuilt    no (level none)"), "the plain cut by default: " + r.out());

        JsonNode doc = JSON.readTree(ranking.toFile());
        JsonNode row = doc.get("candidates").get(2);
        BertCheckpoint exported = BertCheckpoint.read(out);
        assertEquals(row.get("totalParams").asLong(), exported.parameterCount());
        for (int l = 0; l < 6; l++) {
            assertEquals(row.at("/masks/keptHeads/" + l).asInt(), exported.config().headsInLayer(l));
            assertEquals(row.at("/masks/keptNeurons/" + l).asInt(), exported.config().ffnWidth(l));
        }
        assertTrue(exported.tokenizer().isPresent());
        assertEquals(List.of(), OnnxModelCheck.problems(out.resolve("model.onnx")), "export --rank writes model.onnx too");
        assertTrue(r.out().contains("ONNX model (HF optimum BERT inputs and last_hidden_state): " + out.resolve("model.onnx")),
                r.out());
        JsonNode masks = JSON.readTree(out.resolve("masks.json").toFile());
        assertEquals(3, masks.get("rank").asInt());
        // masks.json holds ranges whatever the ranking's format, and they are the ranking's candidate
        JsonNode asRanges = JSON.readTree("{\"dense\": " + doc.get("dense") + ", \"candidates\": [" + masks + "]}");
        assertEquals(new RankingMasks(doc).mask(3), new RankingMasks(asRanges).mask(1));
    }

    @Test
    void formatOnnxWritesTheOnnxModelWithoutTheSafetensorsWeights() throws Exception {
        Path out = dir.resolve("onnx-only");
        CliRun r = CliRun.of("export", "--reconstruct", "none", "--ranking", ranking.toString(), "--rank", "2", "--out", out.toString(),
                "--format", "onnx");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("model.onnx")) && Files.exists(out.resolve("config.json"))
                && Files.exists(out.resolve("tokenizer.json")));
        assertFalse(Files.exists(out.resolve("model.safetensors")));
        CliRun bad = CliRun.of("export", "--reconstruct", "none", "--ranking", ranking.toString(), "--rank", "2", "--out", dir.resolve("x").toString(),
                "--format", "pt");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("--format: export format 'pt'; expected one of both, safetensors, onnx, hf-padded"), bad.err());
    }

    @Test
    void formatHfPaddedWritesAUniformCheckpointBesideTheCompactOnnxAndTheSentenceTransformersFiles() throws Exception {
        Path out = dir.resolve("hf-padded");
        CliRun r = exportFirst(out, "--format", "hf-padded");
        BertCheckpoint padded = BertCheckpoint.read(out);
        JsonNode config = JSON.readTree(out.resolve("config.json").toFile());
        assertFalse(config.has("pruned_heads") || config.has("intermediate_sizes") || config.has("per_layer_config"), config.toString());
        JsonNode row = JSON.readTree(ranking.toFile()).get("candidates").get(0);
        int layers = padded.config().layers();
        for (int l = 0; l < layers; l++) {
            assertEquals(12, padded.config().headsInLayer(l));
            assertEquals(1536, padded.config().ffnWidth(l));
        }
        assertTrue(row.get("totalParams").asLong() < padded.parameterCount(), "the removed units are there, as zeros");
        assertEquals(List.of(), OnnxModelCheck.problems(out.resolve("onnx/model.onnx")));
        JsonNode modules = JSON.readTree(out.resolve("modules.json").toFile());
        assertEquals("sentence_transformers.models.Normalize", modules.get(2).get("type").asText(),
                "the embedded model's layout ends in Normalize: " + modules);
        assertTrue(r.out().contains("sentence-transformers: SentenceTransformer(\"" + out + "\", backend=\"onnx\")"), r.out());
        assertTrue(r.out().contains("model.safetensors zero-padded to the dense shapes"), r.out());
    }

    @Test
    void quantizeInt8WritesModelQint8OnnxThatImportOnnxRefusesAsQuantized() throws Exception {
        Path out = dir.resolve("int8");
        CliRun r = exportFirst(out, "--quantize", "int8");
        Path int8 = out.resolve("model_qint8.onnx");
        assertTrue(Files.exists(out.resolve("model.onnx")) && Files.exists(int8));
        assertEquals(List.of(), OnnxModelCheck.problems(int8));
        assertTrue(r.out().contains("int8 ONNX model (ONNX Runtime dynamic int8): " + int8), r.out());
        // zeroprune's own int8 file is refused as any quantized model is, naming the float file to import instead
        CliRun imported = CliRun.of("import-onnx", int8.toString(), "--out", dir.resolve("reimported").toString());
        assertEquals(1, imported.status());
        assertTrue(imported.err().contains(int8 + ": an int8 quantized ONNX model (operators [DynamicQuantizeLinear,"
                + " MatMulInteger]") && imported.err().contains("quantized models are not supported"), imported.err());
        CliRun bad = CliRun.of("export", "--reconstruct", "none", "--ranking", ranking.toString(), "--rank", "1", "--out",
                dir.resolve("y").toString(), "--quantize", "int8", "--format", "safetensors");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("key 'output.quantize' is 'int8'; expected none when output.format is safetensors"),
                bad.err());
    }

    @Test
    void aRankOutsideTheRankingOrAnotherModelIsRefusedAndWritesNothing() throws Exception {
        Path out = dir.resolve("refused");
        CliRun outside = CliRun.of("export", "--reconstruct", "none", "--ranking", ranking.toString(), "--rank", "31", "--out", out.toString());
        assertEquals(1, outside.status());
        assertTrue(outside.err().contains(ranking + ": rank 31 is outside 1..30"), outside.err());

        TinyBert tiny = new TinyBert();
        Path other = tiny.write(dir.resolve("tiny"));
        CliRun wrong = CliRun.of("export", "--reconstruct", "none", "--ranking", ranking.toString(), "--rank", "1", "--model", other.toString(),
                "--out", out.toString());
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().contains("was made for a model with heads [12, 12, 12, 12, 12, 12]"), wrong.err());
        assertTrue(wrong.err().contains("pass --model with the model the ranking was made from"), wrong.err());
        assertFalse(Files.exists(out));

        Files.createDirectories(out);
        CliRun exists = CliRun.of("export", "--reconstruct", "none", "--ranking", ranking.toString(), "--rank", "1", "--out", out.toString());
        assertEquals(1, exists.status());
        assertTrue(exists.err().contains("exists; pass --overwrite"), exists.err());

        CliRun missing = CliRun.of("export", "--reconstruct", "none", "--ranking", dir.resolve("nope.json").toString(), "--rank", "1", "--out",
                dir.resolve("x").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("nope.json: not found; expected a ranking.json written by prune"), missing.err());
    }

    /** {@code export} of the ranking's best candidate, plain cut, into {@code out}, which must succeed. */
    private static CliRun exportFirst(Path out, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--reconstruct", "none", "--ranking",
                ranking.toString(), "--rank", "1", "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return r;
    }
}
