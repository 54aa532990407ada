package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.io.OutputManifest;
import org.zeroprune.nas.testing.TinyBert;

/**
 * Kills a running {@code prune --overwrite} (SIGKILL) while it writes the pruned checkpoint and
 * checks that the previous result is still there, complete and unchanged.
 */
class KillDuringExportTest {
    @Test
    void anInterruptedExportLeavesThePreviousResultWhole(@TempDir Path dir) throws Exception {
        TinyBert big = new TinyBert();
        big.hidden = 512;
        big.heads = 8;
        big.layers = 8;
        big.intermediate = 2048;
        Path model = big.write(dir.resolve("model"));
        Path out = dir.resolve("out");
        ZeroPrune.prune(ZeroPrune.config().model(model.toString()).strategy("test-params").set("search.strategy", "random")
                .seed(1)
                .set("search.candidates", "20").set("output.measure-latency", "false").output(out.toString()).build());
        byte[] oldRanking = Files.readAllBytes(out.resolve("ranking.json"));
        long oldParams = BertCheckpoint.read(out.resolve("model")).parameterCount();

        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.zeroprune.nas.cli.Main", "prune", "--model", model.toString(),
                "--strategy", "test-params", "--search", "random", "--seed", "2", "--candidates", "20", "--out", out.toString(), "--overwrite",
                "--quiet", "--set", "output.measure-latency=false")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        boolean killedDuringExport = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (exportInProgress(dir)) {
                process.destroyForcibly().waitFor();
                killedDuringExport = true;
                break;
            }
            Thread.sleep(2);
        }
        process.waitFor(30, TimeUnit.SECONDS);
        assertTrue(killedDuringExport, "the run ended before its export could be interrupted: "
                + Files.readString(dir.resolve("log.txt")));

        assertArrayEquals(oldRanking, Files.readAllBytes(out.resolve("ranking.json")), "the old ranking is intact");
        assertEquals(oldParams, BertCheckpoint.read(out.resolve("model")).parameterCount(), "the old model is intact");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("model", "ranking.csv", "ranking.json", "summary.json", OutputManifest.FILE),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(exportInProgress(dir), "the killed run left its temporary copy");

        // the next run to the same output removes what the killed one left
        ZeroPrune.prune(ZeroPrune.config().model(model.toString()).strategy("test-params").set("search.strategy", "random")
                .seed(3).set("search.candidates", "20").set("output.measure-latency", "false").set("output.overwrite", "true")
                .output(out.toString()).build());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("log.txt", "model", "out"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** Whether the weights of the new checkpoint are being written in the temporary output directory. */
    private static boolean exportInProgress(Path dir) throws IOException {
        try (Stream<Path> siblings = Files.list(dir)) {
            Optional<Path> temp = siblings.filter(p -> p.getFileName().toString().startsWith(".out.zeroprune-tmp-")).findFirst();
            if (temp.isEmpty() || !Files.isDirectory(temp.get().resolve("model"))) {
                return false;
            }
            try (Stream<Path> files = Files.list(temp.get().resolve("model"))) {
                return files.anyMatch(p -> p.getFileName().toString().contains("model.safetensors"));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }
}
