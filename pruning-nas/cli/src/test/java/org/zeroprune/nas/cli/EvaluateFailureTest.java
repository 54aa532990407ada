package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.PluginJarBuilder;
import org.zeroprune.nas.testing.TokenizedTinyBert;
import org.zeroprune.nas.testing.WeatherCorpus;

/** {@code evaluate} with nothing to report fails with one line that says why, never exit 0 with no results. */
class EvaluateFailureTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;
    static Path plugins;

    @BeforeAll
    static void write() throws Exception {
        model = TokenizedTinyBert.write(dir.resolve("model"), 128, 5);
        corpus = WeatherCorpus.write(dir.resolve("sentences.txt"));
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("failing.Crashes", PluginJarBuilder.provider("failing", "Crashes", "crashes",
                "return (m, c) -> { throw new IllegalStateException(\"prepare exploded\"); };", ""));
        sources.put("failing.Refuses", PluginJarBuilder.provider("failing", "Refuses", "refuses",
                "return (m, c) -> { throw new ScoringException(\"cannot score this model\"); };", ""));
        PluginJarBuilder.build(sources, plugins.resolve("failing.jar"));
    }

    @Test
    void everyStrategyFailingIsAnErrorListingEachFailure() {
        Path out = dir.resolve("all-failed");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--plugins", plugins.toString(), "--candidates", "4",
                "--corpus", corpus.toString(), "--strategy", "crashes", "--strategy", "refuses", "--out", out.toString(),
                "--quiet");
        assertEquals(1, run.status(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: every strategy failed"), run.err());
        assertTrue(run.err().contains("strategy 'crashes' (") && run.err().contains(
                "failed while preparing: java.lang.IllegalStateException: prepare exploded"), run.err());
        assertTrue(run.err().contains("strategy 'refuses': cannot score this model"), run.err());
        assertFalse(Files.exists(out.resolve("evaluation.json")));
    }

    @Test
    void aBudgetAdmittingTooFewCandidatesIsRefusedSayingSo() {
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--candidates", "4", "--flops", "0.02", "--corpus",
                corpus.toString(), "--strategy", "test-params", "--out", dir.resolve("too-few").toString(), "--quiet");
        assertEquals(1, run.status(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("admits only"), run.err());
    }
}
