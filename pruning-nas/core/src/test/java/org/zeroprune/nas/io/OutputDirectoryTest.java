package org.zeroprune.nas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;

/**
 * What an output directory may replace, and what concurrent or interrupted runs leave: only a
 * directory zeroprune wrote is replaced, and only with overwrite; a run's output is never lost to a
 * race; nothing half-written stays behind.
 */
class OutputDirectoryTest {
    @TempDir
    Path dir;

    private static void writeOne(Path target, boolean overwrite, String content) {
        try (OutputDirectory out = OutputDirectory.claim(target, overwrite, "test")) {
            out.write(d -> Files.writeString(d.resolve("result.txt"), content));
        }
    }

    @Test
    void writesTheContentAndAManifestListingIt() throws IOException {
        Path target = dir.resolve("out");
        writeOne(target, false, "one");
        assertEquals("one", Files.readString(target.resolve("result.txt")));
        String manifest = Files.readString(target.resolve(OutputManifest.FILE));
        assertTrue(manifest.contains("\"result.txt\"") && manifest.contains("\"writtenBy\" : \"zeroprune\""), manifest);
        assertEquals(List.of("out"), names(dir), "no lock file or temporary directory is left");
    }

    @Test
    void replacesItsOwnOutputOnlyWithOverwrite() throws IOException {
        Path target = dir.resolve("out");
        writeOne(target, false, "one");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> writeOne(target, false, "two"));
        assertTrue(e.getMessage().contains("exists; pass --overwrite"), e.getMessage());
        writeOne(target, true, "two");
        assertEquals("two", Files.readString(target.resolve("result.txt")));
    }

    @Test
    void overwriteRefusesADirectoryOfSomeoneElsesFiles() throws IOException {
        Path target = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(target.resolve("chapter1.tex"), "precious");
        Files.createDirectories(target.resolve("figures"));
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> writeOne(target, true, "x"));
        assertTrue(e.getMessage().contains("not written by zeroprune") && e.getMessage().contains("chapter1.tex")
                && e.getMessage().contains("figures/"), e.getMessage());
        assertEquals("precious", Files.readString(target.resolve("chapter1.tex")));
    }

    @Test
    void overwriteRefusesItsOwnOutputOnceAUserAddedAFile() throws IOException {
        Path target = dir.resolve("out");
        writeOne(target, false, "one");
        Files.writeString(target.resolve("notes.txt"), "mine");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> writeOne(target, true, "two"));
        assertTrue(e.getMessage().contains("did not write") && e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals("mine", Files.readString(target.resolve("notes.txt")));
        assertEquals("one", Files.readString(target.resolve("result.txt")));
    }

    @Test
    void overwriteReplacesAnEmptyDirectory() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        writeOne(target, true, "one");
        assertEquals("one", Files.readString(target.resolve("result.txt")));
    }

    @Test
    void neverReplacesAFileASpecialFileOrALink() throws Exception {
        Path file = Files.writeString(dir.resolve("report.pdf"), "precious");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> writeOne(file, true, "x"));
        assertTrue(e.getMessage().contains("is a file") && e.getMessage().contains("not even with --overwrite"), e.getMessage());
        assertEquals("precious", Files.readString(file));

        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        e = assertThrows(ZeroPruneException.class, () -> writeOne(fifo, true, "x"));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(fifo, LinkOption.NOFOLLOW_LINKS));

        Path real = dir.resolve("real");
        writeOne(real, false, "one");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        e = assertThrows(ZeroPruneException.class, () -> writeOne(link, true, "x"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("one", Files.readString(real.resolve("result.txt")));
    }

    @Test
    void aDirectoryCreatedDuringTheRunIsKeptAndSoIsTheRunsOutput() throws IOException {
        Path target = dir.resolve("out");
        try (OutputDirectory out = OutputDirectory.claim(target, false, "test")) {
            ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> out.write(d -> {
                Files.writeString(d.resolve("result.txt"), "ours");
                Files.createDirectories(target); // someone else, meanwhile
                Files.writeString(target.resolve("theirs.txt"), "theirs");
            }));
            assertTrue(e.getMessage().contains("changed during this run") && e.getMessage().contains("kept in")
                    && !e.getMessage().contains("pass --overwrite"), e.getMessage());
            String rest = e.getMessage().substring(e.getMessage().lastIndexOf("kept in ") + 8);
            Path kept = Path.of(rest.substring(0, rest.indexOf(" (")));
            assertEquals("ours", Files.readString(kept.resolve("result.txt")));
        }
        assertEquals("theirs", Files.readString(target.resolve("theirs.txt")));
    }

    @Test
    void aSecondRunInThisProcessIsRefusedWhileTheFirstHoldsTheOutput() {
        Path target = dir.resolve("out");
        try (OutputDirectory first = OutputDirectory.claim(target, true, "test")) {
            ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> OutputDirectory.claim(target, true, "test"));
            assertTrue(e.getMessage().contains("another zeroprune run is writing"), e.getMessage());
        }
        writeOne(target, true, "after");
    }

    @Test
    void aRunInAnotherProcessIsRefusedWhileOneHoldsTheOutput() throws Exception {
        Path target = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutputLockHolder.class.getName(), target.toString()).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("claimed", in.readLine());
            ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> writeOne(target, true, "x"));
            assertTrue(e.getMessage().contains("another zeroprune run is writing " + target), e.getMessage());
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
        } finally {
            holder.destroyForcibly();
        }
        writeOne(target, false, "after");
        assertEquals("after", Files.readString(target.resolve("result.txt")));
    }

    @Test
    void anUnwritableLocationFailsAtTheClaimBeforeAnyWork() {
        Path underAFile = dir.resolve("file");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> {
            Files.writeString(underAFile, "x");
            OutputDirectory.claim(underAFile.resolve("out"), false, "test").close();
        });
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
        e = assertThrows(ZeroPruneException.class, () -> OutputDirectory.claim(Path.of("/proc/zeroprune-test/out"), false,
                "test").close());
        assertTrue(e.getMessage().startsWith("cannot write /proc/zeroprune-test/out"), e.getMessage());
    }

    @Test
    void anOutputThatHoldsTheRunsInputIsRefused() throws IOException {
        Path target = dir.resolve("out");
        writeOne(target, false, "one");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> OutputDirectory.claim(target, true, "test",
                List.of("embedded", target.resolve("result.txt").toString())));
        assertTrue(e.getMessage().contains("holds this run's input " + target.resolve("result.txt")), e.getMessage());
        OutputDirectory.claim(target, true, "test", List.of("embedded", dir.resolve("elsewhere").toString())).close();
    }

    @Test
    void withoutOverwriteOverwriteIsSuggestedOnlyWhereItWouldWork() throws IOException {
        Path ours = dir.resolve("ours");
        writeOne(ours, false, "one");
        assertTrue(assertThrows(ZeroPruneException.class, () -> writeOne(ours, false, "two")).getMessage()
                .contains("exists; pass --overwrite"));
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve(OutputManifest.FILE), "garbage{");
        String message = assertThrows(ZeroPruneException.class, () -> writeOne(theirs, false, "x")).getMessage();
        assertTrue(message.contains("exists; it was not written by zeroprune (its " + OutputManifest.FILE
                + " is not one zeroprune wrote)") && !message.contains("pass --overwrite"), message);
    }

    @Test
    void theCurrentDirectoryAndItsParentsAreNeverAnOutput() {
        for (Path here : new Path[] {Path.of(""), Path.of("").toAbsolutePath().getParent()}) {
            ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> OutputDirectory.claim(here, true, "test"));
            assertTrue(e.getMessage().contains("is the current directory or contains it"), e.getMessage());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldOutputAndNoTemporaryCopy() throws IOException {
        Path target = dir.resolve("out");
        writeOne(target, false, "one");
        assertThrows(IllegalStateException.class, () -> {
            try (OutputDirectory out = OutputDirectory.claim(target, true, "test")) {
                out.write(d -> {
                    Files.writeString(d.resolve("result.txt"), "half");
                    throw new IllegalStateException("disk full, say");
                });
            }
        });
        assertEquals("one", Files.readString(target.resolve("result.txt")));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftBeside() throws IOException {
        Path target = dir.resolve("out");
        Path fromKilled = Files.createDirectories(dir.resolve(".out.zeroprune-tmp-1234"));
        Files.writeString(fromKilled.resolve("model.safetensors"), "looks complete");
        Path olderVersion = Files.createDirectories(dir.resolve(".out.tmp-0f8fad5b-d9cb-469f-a165-70867728950e"));
        Path someoneElses = Files.writeString(dir.resolve(".out.notes"), "mine");
        Path otherOutput = Files.createDirectories(dir.resolve(".outer.zeroprune-tmp-1"));
        writeOne(target, false, "one");
        assertFalse(Files.exists(fromKilled));
        assertFalse(Files.exists(olderVersion));
        assertTrue(Files.exists(someoneElses) && Files.exists(otherOutput));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
