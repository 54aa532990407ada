package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TokenizedTinyBert;
import org.zeroprune.spi.context.MaskFisher;

/**
 * A model with 64 positions (fewer than the 128 tokens text is cut to by default) runs every
 * forward path on text longer than that: evaluate, prune measuring fidelity with a text-calibrated
 * reconstruction, and the calibration text fisher scores from.
 */
class ShortPositionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;

    @BeforeAll
    static void write() throws Exception {
        model = TokenizedTinyBert.write(dir.resolve("model"), 64, 3);
        // every sentence is well over 64 tokens
        String words = IntStream.range(0, 90).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        corpus = Files.writeString(dir.resolve("long.txt"), IntStream.range(0, 12)
                .mapToObj(i -> "Sentence " + i + " says " + words + ".").collect(Collectors.joining("\n")));
    }

    @Test
    void evaluateRuns() {
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--candidates", "4", "--flops", "0.7", "--corpus",
                corpus.toString(), "--strategy", "test-params", "--out", dir.resolve("evaluation").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void pruneMeasuringFidelityWithTextCalibrationRuns() throws Exception {
        Path out = dir.resolve("pruned");
        CliRun run = CliRun.of("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random",
                "--corpus", corpus.toString(), "--reconstruct", "refit", "--set", "search.candidates=5", "--set",
                "output.measure-fidelity=true", "--set", "output.measure-latency=false", "--format", "safetensors",
                "--out", out.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.at("/fidelity/fidelity").isNumber(), summary.toString());
    }

    @Test
    void aBudgetSequenceLengthOverThePositionsIsClampedWithANote() throws Exception {
        Path out = dir.resolve("long-budget");
        CliRun run = CliRun.of("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random",
                "--reconstruct", "none", "--set", "search.candidates=5", "--set", "budget.sequence-length=512", "--set",
                "output.measure-latency=false", "--format", "safetensors", "--out", out.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        assertEquals(64, ranking.at("/dense/sequenceLength").asInt(), ranking.get("dense").toString());
        assertTrue(ranking.at("/dense/sequenceLengthNote").asText().contains("512 exceeds the model's 64 positions"),
                ranking.get("dense").toString());
        assertTrue(run.out().contains("note       budget.sequence-length 512"), run.out());
    }

    @Test
    void fishersCalibrationTextFitsTheModel() {
        LoadedModel loaded = ModelSource.load(model.toString());
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            for (String text : new String[] {"builtin", corpus.toString()}) {
                int[][] ids = runtime.calibration(text, loaded).orElseThrow().tokenIds();
                int longest = 0;
                for (int[] seq : ids) {
                    longest = Math.max(longest, seq.length);
                }
                assertTrue(longest <= 64, text + ": " + longest + " tokens");
                int[][] some = java.util.Arrays.copyOf(ids, Math.min(ids.length, 6));
                MaskFisher fisher = runtime.forward(loaded).orElseThrow().maskFisher(some, 1, 7);
                assertEquals(some.length, fisher.sequences());
            }
        }
    }
}
