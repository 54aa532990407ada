package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.cli.Main;

/** {@code zeroprune benchmark flexibert}: help and input errors (no benchmark run). */
class BenchmarkCommandTest {

    /** Exit status and what went to stdout and stderr. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheOptions() {
        Outcome o = run("benchmark", "flexibert", "--help");
        assertEquals(0, o.status());
        for (String option : new String[] {"--data", "--seeds", "--sample-size", "--strategies", "--out", "--plugins",
            "--spectral-seeds"}) {
            assertTrue(o.out().contains(option), option + " missing from\n" + o.out());
        }
    }

    @Test
    void aMissingDataFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("BERT_benchmark.json");
        Outcome o = run("benchmark", "flexibert", "--data", missing.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("error: " + missing + ": no such file"), o.err());
    }

    @Test
    void aMalformedRecordNamesTheFileRecordAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, "[{\"id\": 4, \"scores\": {\"glue\": \"high\"}}]");
        Outcome o = run("benchmark", "flexibert", "--data", file.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains(file + ": record 0 (id 4): field scores.glue: expected a finite number"), o.err());
    }
}
