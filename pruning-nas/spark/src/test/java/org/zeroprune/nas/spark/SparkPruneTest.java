package org.zeroprune.nas.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.cli.Main;
import org.zeroprune.nas.testing.PluginJarBuilder;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/**
 * {@code prune --engine spark} in Spark's local mode against the same run on local threads: the same
 * ranking byte for byte, a scorer that fails once retried by Spark with the result unchanged, and a
 * scorer that always fails stopping the run with the local run's one-line message. One Spark context
 * ({@code local[2,3]}: two task slots, three attempts per task) serves the class; the engine uses the
 * active context and leaves it running.
 */
class SparkPruneTest {
    private static final String MARKER = "zeroprune.test.flaky-marker";
    private static JavaSparkContext spark;

    @TempDir
    static Path dir;
    static Path checkpoint;
    static Path plugins;

    @BeforeAll
    static void start() throws Exception {
        checkpoint = TokenizedTinyBert.write(dir.resolve("tiny-bert"), 64, 11);
        plugins = Files.createDirectories(dir.resolve("plugins"));
        String score = "mask.keptHeads() * 1000.0 + mask.keptNeurons()";
        PluginJarBuilder.build(Map.of(
                "faulty.Flaky", PluginJarBuilder.provider("faulty", "Flaky", "flaky",
                        "return (m, c) -> mask -> { if (failsNow()) throw new IllegalStateException(\"lost its scratch"
                                + " space\"); return " + score + "; };",
                        // fails the first call in this JVM: the marker file says it did
                        "static boolean failsNow() { try { java.nio.file.Files.createFile(java.nio.file.Path.of("
                                + "System.getProperty(\"" + MARKER + "\"))); return true; }"
                                + " catch (java.io.IOException e) { return false; } }"),
                "faulty.Broken", PluginJarBuilder.provider("faulty", "Broken", "broken",
                        "return (m, c) -> mask -> { throw new IllegalStateException(\"the scorer is broken\"); };", "")),
                plugins.resolve("faulty.jar"));
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,3]").setAppName("zeroprune-test")
                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void rankingIsByteForByteTheLocalRanking() throws Exception {
        Path local = prune("local", "synthetic-fidelity");
        Path distributed = prune("spark", "synthetic-fidelity");
        assertArrayEquals(Files.readAllBytes(local.resolve("ranking.csv")), Files.readAllBytes(distributed.resolve("ranking.csv")));
        assertArrayEquals(Files.readAllBytes(local.resolve("ranking.json")), Files.readAllBytes(distributed.resolve("ranking.json")));
        assertTrue(Files.readAllLines(local.resolve("ranking.csv")).size() > 10, "most of the 24 candidates fit the budget");
        assertFalse(spark.sc().isStopped(), "the engine leaves a context it did not start running");
    }

    @Test
    void aScorerThatFailsOnceIsRetriedAndTheRankingIsUnchanged() throws Exception {
        Path marker = dir.resolve("flaky-failed");
        System.setProperty(MARKER, marker.toString());
        try {
            Files.createFile(marker); // the local run: it has failed already, so it scores
            Path local = prune("local", "flaky");
            Files.delete(marker);
            Path distributed = prune("spark", "flaky");
            assertTrue(Files.exists(marker), "the scorer failed a task, which Spark retried");
            assertArrayEquals(Files.readAllBytes(local.resolve("ranking.json")),
                    Files.readAllBytes(distributed.resolve("ranking.json")));
        } finally {
            System.clearProperty(MARKER);
        }
    }

    @Test
    void aScorerThatAlwaysFailsStopsTheRunWithTheLocalMessage() {
        String local = assertThrows(ZeroPruneException.class, () -> pruneByApi("local", dir.resolve("broken-local")))
                .getMessage();
        String distributed = assertThrows(ZeroPruneException.class, () -> pruneByApi("spark",
                dir.resolve("broken-spark"))).getMessage();
        assertEquals(local, distributed);
        assertTrue(local.startsWith("strategy 'broken' ("), local);
        assertTrue(local.contains("the scorer is broken"), local);
        assertFalse(distributed.contains("\n") || distributed.contains("SparkException"), distributed);
    }

    /** The CLI's prune of the tiny checkpoint, an evolutionary search of 24 candidates in generations of 8. */
    private static Path prune(String engine, String strategy) {
        Path out = dir.resolve(strategy + "-" + engine);
        int code = Main.run("prune", "--model", checkpoint.toString(), "--strategy", strategy, "--flops", "0.6",
                "--search", "evolutionary", "--candidates", "24", "--set", "search.population=8", "--set",
                "search.tournament=2", "--seed", "3", "--threads", "2", "--no-export", "--plugins", plugins.toString(),
                "--engine", engine, "--master", "local[2,3]", "--out", out.toString(), "--quiet");
        assertEquals(0, code, strategy + " on " + engine);
        return out;
    }

    /** The Java API's prune with the broken strategy: greedy search, whose first batch is the dense model alone. */
    private static void pruneByApi(String engine, Path out) {
        ZeroPrune.prune(ZeroPrune.config().model(checkpoint).strategy("broken").search("greedy").flops(0.6).seed(3)
                .plugins(plugins).export(false).engine(engine).master("local[2,3]").output(out).build());
    }
}
