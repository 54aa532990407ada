package org.zeroprune.nas.forward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@link LatencyProbe} in a child JVM on this JVM's class path. */
final class FreshProcessLatency {
    private static final long TIMEOUT_MINUTES = 10;

    private FreshProcessLatency() {
    }

    /**
     * {@code {denseMs, prunedMs}} measured in a fresh JVM, or empty with the reason in {@code problem[0]}
     * when the child could not run (the caller then measures in-process).
     */
    static Optional<double[]> measure(Path dense, Path pruned, int sequenceLength, int batch, String[] problem) {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), LatencyProbe.class.getName(), dense.toString(), pruned.toString(),
                Integer.toString(sequenceLength), Integer.toString(batch));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    problem[0] = "the latency process did not finish in " + TIMEOUT_MINUTES + " minutes";
                    return Optional.empty();
                }
            } finally {
                process.destroyForcibly();
            }
            String[] lines = output.strip().split("\\R");
            String[] last = lines[lines.length - 1].trim().split(" ");
            if (process.exitValue() != 0 || last.length != 2) {
                problem[0] = "the latency process failed (exit " + process.exitValue() + "): " + lines[lines.length - 1];
                return Optional.empty();
            }
            return Optional.of(new double[] {Double.parseDouble(last[0]), Double.parseDouble(last[1])});
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
