package org.zeroprune.nas.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.PrivateCache;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/** {@code evaluate}'s fidelity cache is keyed by what the model holds, not by where it lives. */
class FidelityCacheContentTest {
    @TempDir
    Path dir;
    @RegisterExtension
    PrivateCache cache = new PrivateCache();

    @Test
    void newWeightsAtTheSamePathAreMeasuredAgain() throws Exception {
        Path model = TokenizedTinyBert.write(dir.resolve("model"), 128, 1);
        Path corpus = Files.writeString(dir.resolve("sentences.txt"), IntStream.range(0, 12)
                .mapToObj(i -> "Sentence " + i + " is about " + (i % 2 == 0 ? "pruning encoders." : "rain in the hills."))
                .collect(Collectors.joining("\n")));

        CliRun first = evaluate(model, corpus, "first");
        assertTrue(first.out().contains("measuring fidelity took"), first.out());
        CliRun again = evaluate(model, corpus, "again");
        assertTrue(again.out().contains("fidelity came from the cache"), "the same content is cached: " + again.out());

        // a same-shaped checkpoint of other weights replaces the old one at the same path
        TokenizedTinyBert.write(dir.resolve("other"), 128, 2);
        Files.copy(dir.resolve("other").resolve("model.safetensors"), model.resolve("model.safetensors"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        CliRun replaced = evaluate(model, corpus, "replaced");
        assertFalse(replaced.out().contains("fidelity came from the cache"), replaced.out());
        assertTrue(replaced.out().contains("measuring fidelity took"), replaced.out());
        List<Double> before = fidelities(dir.resolve("first"));
        List<Double> after = fidelities(dir.resolve("replaced"));
        assertEquals(before.size(), after.size());
        assertNotEquals(before, after, "fidelities of other weights");
    }

    private CliRun evaluate(Path model, Path corpus, String out) {
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--candidates", "4", "--flops", "0.7", "--corpus",
                corpus.toString(), "--strategy", "test-params", "--out", dir.resolve(out).toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        return run;
    }

    private static List<Double> fidelities(Path out) throws Exception {
        JsonNode json = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        List<Double> values = new ArrayList<>();
        json.get("candidateList").forEach(c -> values.add(c.get("fidelity").asDouble()));
        return values;
    }
}
