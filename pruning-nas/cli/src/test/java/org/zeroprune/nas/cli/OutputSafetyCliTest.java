package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.io.OutputManifest;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TinyBert;

/**
 * {@code --overwrite} on every command that writes a directory replaces only what zeroprune wrote:
 * a folder of someone else's files and a plain file survive, with a message naming what is there.
 */
class OutputSafetyCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path pruned;

    @BeforeAll
    static void pruneATinyModel() throws Exception {
        model = new TinyBert().write(dir.resolve("tiny"));
        pruned = dir.resolve("pruned");
        CliRun r = CliRun.of("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random",
                "--candidates", "10", "--reconstruct", "none", "--out", pruned.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(pruned.resolve(OutputManifest.FILE)), "prune marks its output");
    }

    private static Path someoneElses(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("thesis.tex"), "three years of work");
        return folder;
    }

    private static void assertRefusedAndIntact(CliRun r, Path folder) throws Exception {
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("not written by zeroprune") && r.err().contains("thesis.tex"), r.err());
        assertEquals("three years of work", Files.readString(folder.resolve("thesis.tex")));
    }

    @Test
    void pruneKeepsSomeoneElsesFolder() throws Exception {
        Path folder = someoneElses("for-prune");
        assertRefusedAndIntact(CliRun.of("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random",
                "--candidates", "10", "--reconstruct", "none", "--out", folder.toString(), "--overwrite", "--quiet"), folder);
    }

    @Test
    void exportKeepsSomeoneElsesFolder() throws Exception {
        Path folder = someoneElses("for-export");
        assertRefusedAndIntact(CliRun.of("export", "--ranking", pruned.resolve("ranking.json").toString(), "--rank", "1",
                "--reconstruct", "none", "--out", folder.toString(), "--overwrite"), folder);
    }

    @Test
    void importOnnxKeepsSomeoneElsesFolder() throws Exception {
        Path folder = someoneElses("for-import");
        assertRefusedAndIntact(CliRun.of("import-onnx", pruned.resolve("model/model.onnx").toString(), "--out", folder.toString(),
                "--overwrite"), folder);
    }

    @Test
    void evaluateKeepsSomeoneElsesFolder() throws Exception {
        Path folder = someoneElses("for-evaluate");
        assertRefusedAndIntact(CliRun.of("evaluate", "--strategy", "test-params", "--candidates", "6", "--out",
                folder.toString(), "--overwrite", "--quiet"), folder);
    }

    @Test
    void aFileIsNeverReplacedEvenWithOverwrite() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("prune", "--model", model.toString(), "--strategy", "test-params", "--search", "random",
                "--candidates", "10", "--reconstruct", "none", "--out", file.toString(), "--overwrite", "--quiet");
        assertEquals(1, r.status());
        assertTrue(r.err().contains(file + " exists and is a file"), r.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void anOutputHoldingTheRunsOwnInputIsNeverReplaced() throws Exception {
        Path copy = dir.resolve("copy");
        CliRun first = CliRun.of("export", "--ranking", pruned.resolve("ranking.json").toString(), "--rank", "1",
                "--reconstruct", "none", "--out", copy.toString(), "--format", "safetensors");
        assertEquals(0, first.status(), first.err());
        byte[] weights = Files.readAllBytes(copy.resolve("model.safetensors"));
        CliRun prune = CliRun.of("prune", "--model", copy.toString(), "--strategy", "test-params", "--search", "random",
                "--candidates", "10", "--reconstruct", "none", "--out", copy.toString(), "--overwrite", "--quiet");
        assertEquals(1, prune.status());
        assertTrue(prune.err().contains("holds this run's input"), prune.err());
        CliRun export = CliRun.of("export", "--ranking", pruned.resolve("ranking.json").toString(), "--rank", "1",
                "--reconstruct", "none", "--out", pruned.toString(), "--overwrite");
        assertEquals(1, export.status());
        assertTrue(export.err().contains("holds this run's input"), export.err());
        assertTrue(Files.exists(pruned.resolve("ranking.json")));
        org.junit.jupiter.api.Assertions.assertArrayEquals(weights, Files.readAllBytes(copy.resolve("model.safetensors")));
    }

    @Test
    void importingAPrunedModelOnnxIsRefusedClearlyAndWritesNothing() {
        Path out = dir.resolve("reimported");
        CliRun r = CliRun.of("import-onnx", pruned.resolve("model/model.onnx").toString(), "--out", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("its layers differ in width") && r.err().contains("use the checkpoint directory"),
                r.err());
        assertTrue(!Files.exists(out), "nothing is written");
    }

    @Test
    void overwriteReplacesZeroprunesOwnOutput() throws Exception {
        Path out = dir.resolve("again");
        for (int i = 0; i < 2; i++) {
            CliRun r = CliRun.of("export", "--ranking", pruned.resolve("ranking.json").toString(), "--rank", String.valueOf(i + 1),
                    "--reconstruct", "none", "--out", out.toString(), "--overwrite", "--format", "safetensors");
            assertEquals(0, r.status(), r.err());
        }
        assertTrue(Files.readString(out.resolve("masks.json")).contains("\"rank\" : 2"));
    }
}
