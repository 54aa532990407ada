package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.ShippedStrategies;
import org.zeroprune.nas.testing.TinyBert;

class CliTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"prune", "strategies", "import-onnx"}) {
            CliRun r = run(command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().contains("Usage: zeroprune " + command), r.out());
        }
        CliRun top = run("--help");
        assertTrue(top.out().contains("prune") && top.out().contains("strategies") && top.out().contains("import-onnx"));
    }

    @Test
    void aBadCheckpointIsOneClearLineWithoutStackTraceUnlessVerbose() throws Exception {
        Path model = new TinyBert().write(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{\"hidden_size\": 16}");
        CliRun r = run("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random", "--out", dir.resolve("o").toString(),
                "--quiet");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: " + model.resolve("config.json") + ": key 'num_attention_heads' is missing"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        CliRun verbose = run("prune", "--verbose", "--model", model.toString(), "--strategy", "test-params", "--search", "random", "--out",
                dir.resolve("o").toString(), "--quiet");
        assertEquals(1, verbose.status());
        assertTrue(verbose.err().contains("\tat org.zeroprune"), verbose.err());
    }

    @Test
    void badOptionsAreUsageOrConfigurationErrors() {
        CliRun usage = run("prune", "--flops");
        assertEquals(2, usage.status());
        CliRun range = run("prune", "--flops", "1.5", "--strategy", "test-params", "--search", "random", "--quiet");
        assertEquals(1, range.status());
        assertTrue(range.err().contains("key 'budget.flops' is '1.5'; expected a ratio in (0, 1]"), range.err());
        CliRun unknown = run("prune", "--strategy", "nope", "--out", dir.resolve("x").toString(), "--quiet");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("unknown scoring strategy 'nope'; available: " + ShippedStrategies.LISTED + "test-params"), unknown.err());
        CliRun option = run("prune", "--strategy", "test-params", "--search", "random", "--option", "colour=red", "--out", dir.resolve("y").toString());
        assertTrue(option.err().contains("strategy 'test-params' has no option 'colour'; its options are factor"), option.err());
        CliRun order = run("prune", "--strategy", "test-params", "--search", "random", "--unit-importance", "nope",
                "--out", dir.resolve("z").toString(), "--quiet");
        assertEquals(1, order.status());
        assertTrue(order.err().contains("unknown scoring strategy 'nope'; available: " + ShippedStrategies.LISTED + "test-params"), order.err());
    }

    @Test
    void pruneWritesItsOutputsAndPrintsASummary() {
        Path out = dir.resolve("out");
        CliRun r = run("prune", "--strategy", "test-params", "--search", "random", "--candidates", "40", "--reconstruct", "none", "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("budget     flops 0.6 of the dense model — met by all 40 ranked candidates"), r.out());
        assertTrue(r.out().contains("search random, seed 42; units at random"), r.out());
        assertTrue(Files.exists(out.resolve("ranking.json")) && Files.exists(out.resolve("model/model.safetensors")));
        assertFalse(r.err().contains("assumes mean pooling"), "the embedded model brings its layout: " + r.err());
        CliRun again = run("prune", "--strategy", "test-params", "--search", "random", "--candidates", "40", "--reconstruct", "none", "--out", out.toString(), "--quiet");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("exists; pass --overwrite"), again.err());
    }

    @Test
    void strategiesListsNamesAndSources() {
        CliRun r = run("strategies");
        assertEquals(0, r.status());
        // the test strategy comes from the core's test classes (its test jar, seen from this module)
        assertTrue(r.out().contains("test-params")
                && (r.out().contains("test-classes") || r.out().contains("-tests.jar")), r.out());
        assertTrue(r.out().contains("--option factor=1.0"), r.out());
    }
}
