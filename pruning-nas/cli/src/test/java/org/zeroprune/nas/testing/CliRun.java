package org.zeroprune.nas.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.cli.Main;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param status exit status
 * @param out what went to stdout
 * @param err what went to stderr
 */
public record CliRun(int status, String out, String err) {
    /** Runs {@code zeroprune args...} in this JVM, capturing stdout and stderr. */
    public static CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A small, fast {@code prune} of {@code model} into {@code out} (test-params, 10 random candidates), plus {@code extra}. */
    public static CliRun prune(Path model, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("prune", "--model", model.toString(), "--strategy", "test-params",
                "--search", "random", "--candidates", "10", "--reconstruct", "none", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return of(args.toArray(String[]::new));
    }

    /** Asserts that the run failed (status 1) with one line on stderr that contains {@code expected}. */
    public void assertOneLineError(String expected) {
        assertEquals(1, status, out + err);
        assertTrue(err.contains(expected), err);
        assertEquals(1, err.strip().lines().count(), err);
    }
}
