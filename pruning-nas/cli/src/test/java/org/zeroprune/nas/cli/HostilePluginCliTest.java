package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.HostilePlugins;
import org.zeroprune.nas.testing.TokenizedTinyBert;
import org.zeroprune.nas.testing.WeatherCorpus;

/**
 * On the command line, a plugin that throws an {@link Error}, reports details no writer can serialise or
 * never returns costs its own row of {@code evaluate} (one line naming it and its jar, no stack trace)
 * while the other strategies are reported; {@code prune}, which has one strategy, fails with that line.
 */
class HostilePluginCliTest {
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
        HostilePlugins.write(plugins);
    }

    @Test
    void evaluateFailsEachHostileStrategyAloneAndReportsTheOthers() throws Exception {
        Path out = dir.resolve("evaluation");
        List<String> hostile = List.of("overflows-in-prepare", "out-of-memory-in-score", "object-details",
                "sleeps-in-prepare", "sleeps-in-score");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--plugins", plugins.toString(), "--candidates",
                "6", "--corpus", corpus.toString(), "--strategy", "test-params," + String.join(",", hostile),
                "--prepare-limit", "0.5", "--score-limit", "0.5", "--out", out.toString(), "--quiet");
        assertEquals(0, run.status(), run.out() + run.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertEquals("test-params", report.at("/strategies/0/strategy").asText(), report.toString());
        assertEquals(1, report.get("strategies").size(), report.toString());
        JsonNode failures = report.get("failures");
        assertEquals(hostile.size(), failures.size(), failures.toString());
        for (int i = 0; i < hostile.size(); i++) {
            String failure = failures.get(i).asText();
            assertTrue(failure.startsWith("strategy '" + hostile.get(i) + "' (") && failure.contains("hostile.jar"),
                    failure);
        }
        assertTrue(failures.get(0).asText().contains("overflowed its stack while preparing"), failures.toString());
        assertTrue(failures.get(2).asText().contains("detail 'state'"), failures.toString());
        assertTrue(failures.get(3).asText().contains("scoring.prepare-limit-seconds"), failures.toString());
        assertTrue(failures.get(4).asText().contains("scoring.score-limit-seconds"), failures.toString());
        assertFalse(run.out().contains("\tat ") || run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void pruneFailsWithOneLineWhenItsStrategyThrowsAnError() {
        Path out = dir.resolve("pruned");
        CliRun run = prune("overflows-in-prepare", out);
        assertEquals(1, run.status(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: strategy 'overflows-in-prepare' (") && run.err().contains("hostile.jar")
                && run.err().contains("overflowed its stack"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void pruneGivesUpOnAStrategyPastItsScoreLimit() {
        CliRun run = prune("sleeps-in-score", dir.resolve("hung"), "--score-limit", "0.5");
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: strategy 'sleeps-in-score' (") && run.err().contains(
                "has been scoring candidate #") && run.err().contains("raise scoring.score-limit-seconds"), run.err());
    }

    @Test
    void theSamePluginFolderGivenTwiceIsLoadedOnce() {
        CliRun run = CliRun.of("strategies", "--plugins", plugins.toString(), "--plugins", plugins.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("sleeps-in-score"), run.out());
        assertFalse(run.out().contains("provide") || run.err().contains("provide"), run.out() + run.err());
    }

    private static CliRun prune(String strategy, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("prune", "--model", model.toString(), "--plugins", plugins.toString(),
                "--strategy", strategy, "--search", "random", "--candidates", "6", "--reconstruct", "none", "--out",
                out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }
}
