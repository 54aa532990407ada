package org.zeroprune.nas.latency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a measuring {@code main} in a child JVM on this JVM's class path and reads the numbers it
 * prints on its last line. A pruning job that has run many forward and backward passes measures
 * later forward passes slower than a fresh process does; a fresh process measures what a
 * deployment would see.
 */
public final class FreshJvm {
    private static final long TIMEOUT_MINUTES = 10;

    private FreshJvm() {
    }

    /**
     * The {@code count} numbers of the child's last output line, or empty with the reason in
     * {@code problem[0]} when the child could not run (the caller then measures in-process).
     */
    public static Optional<double[]> numbers(Class<?> main, List<String> arguments, int count, String[] problem) {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    problem[0] = "the latency process did not finish in " + TIMEOUT_MINUTES + " minutes";
                    return Optional.empty();
                }
            } finally {
                process.destroyForcibly();
            }
            String[] lines = output.strip().split("\\R");
            String[] last = lines[lines.length - 1].trim().split(" ");
            if (process.exitValue() != 0 || last.length != count) {
                problem[0] = "the latency process failed (exit " + process.exitValue() + "): " + lines[lines.length - 1];
                return Optional.empty();
            }
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(last[i]);
            }
            return Optional.of(values);
        } catch (IOException | NumberFormatException e) {
            problem[0] = "the latency process could not run: " + e.getMessage();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem[0] = "interrupted";
            return Optional.empty();
        }
    }
}
