package org.zeroprune.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.cli.Main;

/** {@code evaluate} end to end on the embedded model: real fidelity, real plugins, JSON and HTML written. */
class EvaluateCommandTest {
    @Test
    void measuresFidelityScoresEveryStrategyAndWritesJsonAndHtml(@TempDir Path dir) throws Exception {
        // a small corpus of the user's keeps the test quick
        Path corpus = Files.writeString(dir.resolve("sentences.txt"), IntStream.range(0, 24)
                .mapToObj(i -> "Sentence number " + i + " talks about " + (i % 2 == 0 ? "pruning models." : "the weather today."))
                .collect(Collectors.joining("\n")));
        Path sts = Files.write(dir.resolve("sts.tsv"), java.util.List.of(
                "captions\tt\t2024\t1\t5.0\tA dog runs on the beach.\tA dog is running along the beach.",
                "captions\tt\t2024\t2\t0.5\tA man slices bread.\tThe stock market fell sharply.",
                "news\tt\t2024\t3\t3.0\tThe council approved the budget.\tThe council passed the budget after debate.",
                "news\tt\t2024\t4\t1.0\tIt snowed in the mountains.\tA child plays the violin."));
        Path out = dir.resolve("evaluation");
        int status = Main.run("evaluate", "--plugins", Plugins.directory().toString(), "--candidates", "8", "--flops",
                "0.7", "--corpus", corpus.toString(), "--strategy", "params", "--strategy", "random",
                "--strategy", "fisher:max-sentences=8", "--strategy", "zerolm:alpha-selection=benchmark-sampling",
                "--strategy", "synthetic-fidelity:sequences=4",
                "--labelled", "3", "--sts", sts.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, status);
        JsonNode json = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertEquals(8, json.get("candidates").asInt());
        assertEquals(5, json.get("heldOut").asInt());
        assertEquals(16, json.get("evaluationSentences").asInt());
        assertEquals(5, json.get("strategies").size(), json.get("failures").toString());
        double best = json.get("bestFidelity").asDouble();
        for (JsonNode s : json.get("strategies")) {
            assertTrue(Double.isFinite(s.get("kendallTauB").asDouble()), s.toString());
            assertTrue(s.get("topPickFidelity").asDouble() <= best + 1e-12, s.toString());
            assertEquals(8, s.get("scores").size());
        }
        for (JsonNode c : json.get("candidateList")) {
            double f = c.get("fidelity").asDouble();
            assertTrue(f > 0 && f < 1, "fidelity of a pruned candidate: " + f);
            assertTrue(c.get("macsRatio").asDouble() <= 0.7 + 1e-9);
        }
        // STS of the dense model, the best candidate and every strategy's top pick, each a Spearman x100
        JsonNode stsResult = json.get("sts");
        assertEquals(4, stsResult.get("pairs").asInt(), stsResult.toString());
        assertEquals(5, stsResult.get("topPicks").size(), stsResult.toString());
        assertTrue(Math.abs(stsResult.get("dense").asDouble()) <= 100 && Math.abs(stsResult.get("best").asDouble()) <= 100);
        String html = Files.readString(out.resolve("evaluation.html"));
        assertEquals(5, html.split("<svg", -1).length - 1, "one plot per strategy");
        assertTrue(html.contains("Kendall"));
    }
}
