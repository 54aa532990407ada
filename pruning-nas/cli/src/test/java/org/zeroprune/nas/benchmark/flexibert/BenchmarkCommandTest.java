package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;

/** {@code zeroprune benchmark flexibert}: help and input errors (no benchmark run). */
class BenchmarkCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsTheOptions() {
        CliRun o = run("benchmark", "flexibert", "--help");
        assertEquals(0, o.status());
        for (String option : new String[] {"--data", "--seeds", "--sample-size", "--strategies", "--out", "--plugins",
            "--spectral-seeds"}) {
            assertTrue(o.out().contains(option), option + " missing from\n" + o.out());
        }
    }

    @Test
    void aMissingDataFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("BERT_benchmark.json");
        CliRun o = run("benchmark", "flexibert", "--data", missing.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("error: " + missing + ": no such file"), o.err());
    }

    @Test
    void aMalformedRecordNamesTheFileRecordAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, "[{\"id\": 4, \"scores\": {\"glue\": \"high\"}}]");
        CliRun o = run("benchmark", "flexibert", "--data", file.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains(file + ": record 0 (id 4): field scores.glue: expected a finite number"), o.err());
    }
}
