package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.testing.CliRun;

/**
 * prune and evaluate run end to end on an older checkpoint that has vocab.txt and no
 * tokenizer.json (the embedded model's vocabulary written out as one), and say which tokenizer
 * they used.
 */
class VocabCheckpointPruneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path checkpoint() throws Exception {
        return EmbeddedEncoder.vocabTxtCheckpoint(dir.resolve("old-bert"), "{\"do_lower_case\": true}");
    }

    @Test
    void prunesAndReconstructsAVocabTxtCheckpointAndSaysWhichTokenizer() throws Exception {
        Path out = dir.resolve("out");
        ZeroPrune.prune(ZeroPrune.config().model(checkpoint().toString()).strategy("test-params")
                .set("search.strategy", "random").set("search.candidates", "8").set("output.measure-latency", "false")
                .set("reconstruct.sequences", "8").format(ExportFormat.SAFETENSORS).reconstruct(ReconstructionLevel.REFIT).output(out.toString()).build());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("vocab.txt (built: lowercase, strip accents)", summary.get("tokenizer").asText(), summary.toString());
        JsonNode rebuilt = summary.get("reconstruction");
        assertEquals("refit", rebuilt.get("level").asText(), rebuilt.toString());
        assertTrue(rebuilt.at("/calibration/source").asText().startsWith("generated"), rebuilt.toString());
        // the export carries the built tokenizer.json, which tokenizes as the original
        Path exported = out.resolve("model").resolve(BertCheckpoint.TOKENIZER);
        try (BertTokenizer tokenizer = BertTokenizer.open(exported, 128)) {
            String text = "Café déjà vu, 北京! Unknownish words.";
            assertArrayEquals(EmbeddedEncoder.tokenizer().encode(text), tokenizer.encode(text));
        }
    }

    @Test
    void evaluateRunsOnAVocabTxtCheckpointAndSaysWhichTokenizer() throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), String.join("\n", "The cat sat on the mat.",
                "A quick brown fox jumps over the lazy dog.", "Stocks fell sharply on Monday.", "She plays the violin.",
                "Rain is expected tomorrow.", "The museum opens at nine."));
        Path out = dir.resolve("eval");
        CliRun r = CliRun.of("evaluate", "--model", checkpoint().toString(), "--strategy", "test-params", "--candidates", "4",
                "--corpus", corpus.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode evaluation = JSON.readTree(out.resolve("evaluation.json").toFile());
        assertEquals("vocab.txt (built: lowercase, strip accents)", evaluation.get("tokenizer").asText());
    }
}
