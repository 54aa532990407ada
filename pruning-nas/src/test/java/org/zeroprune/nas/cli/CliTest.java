package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.TinyBert;

class CliTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"prune", "strategies", "import-onnx"}) {
            Run r = run(command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().contains("Usage: zeroprune " + command), r.out());
        }
        Run top = run("--help");
        assertTrue(top.out().contains("prune") && top.out().contains("strategies") && top.out().contains("import-onnx"));
    }

    @Test
    void aBadCheckpointIsOneClearLineWithoutStackTraceUnlessVerbose() throws Exception {
        Path model = new TinyBert().write(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{\"hidden_size\": 16}");
        Run r = run("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random", "--out", dir.resolve("o").toString(),
                "--quiet");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: " + model.resolve("config.json") + ": key 'num_attention_heads' is missing"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Run verbose = run("prune", "--verbose", "--model", model.toString(), "--strategy", "test-params", "--search", "random", "--out",
                dir.resolve("o").toString(), "--quiet");
        assertEquals(1, verbose.status());
        assertTrue(verbose.err().contains("\tat org.zeroprune"), verbose.err());
    }

    @Test
    void badOptionsAreUsageOrConfigurationErrors() {
        Run usage = run("prune", "--flops");
        assertEquals(2, usage.status());
        Run range = run("prune", "--flops", "1.5", "--strategy", "test-params", "--search", "random", "--quiet");
        assertEquals(1, range.status());
        assertTrue(range.err().contains("key 'budget.flops' is '1.5'; expected a ratio in (0, 1]"), range.err());
        Run unknown = run("prune", "--strategy", "nope", "--out", dir.resolve("x").toString(), "--quiet");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("unknown scoring strategy 'nope'; available: test-params"), unknown.err());
        Run option = run("prune", "--strategy", "test-params", "--search", "random", "--option", "colour=red", "--out", dir.resolve("y").toString());
        assertTrue(option.err().contains("strategy 'test-params' has no option 'colour'; its options are factor"), option.err());
    }

    @Test
    void pruneWritesItsOutputsAndPrintsASummary() {
        Path out = dir.resolve("out");
        Run r = run("prune", "--strategy", "test-params", "--search", "random", "--candidates", "40", "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("budget     flops 0.6 of the dense model — met by all 40 ranked candidates"), r.out());
        assertTrue(Files.exists(out.resolve("ranking.json")) && Files.exists(out.resolve("model/model.safetensors")));
        Run again = run("prune", "--strategy", "test-params", "--search", "random", "--candidates", "40", "--out", out.toString(), "--quiet");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("exists; pass --overwrite"), again.err());
    }

    @Test
    void strategiesListsNamesAndSources() {
        Run r = run("strategies");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("test-params") && r.out().contains("test-classes"), r.out());
        assertTrue(r.out().contains("--option factor=1.0"), r.out());
    }
}
