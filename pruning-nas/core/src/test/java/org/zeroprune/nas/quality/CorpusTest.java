package org.zeroprune.nas.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.corpus.Corpus;

class CorpusTest {

    @Test
    void bundledCorpusSplitsOneThirdToCalibration() {
        Corpus corpus = Corpus.bundled();
        int n = corpus.sentences().size();
        assertTrue(n >= 1200, "bundled corpus has " + n + " sentences");
        assertEquals((n + 2) / 3, corpus.calibration().size());
        assertEquals(n - (n + 2) / 3, corpus.evaluation().size());
        assertTrue(corpus.sentences().stream().noneMatch(String::isBlank));
        assertEquals(1252, n, "every line of the shipped file is a sentence");
        HashSet<String> calibration = new HashSet<>(corpus.calibration());
        assertTrue(corpus.evaluation().stream().noneMatch(calibration::contains), "the parts are disjoint");
    }

    @Test
    void userFileSkipsBlankLinesOnly(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.txt"), """
                \uFEFFFirst sentence.

                  Second sentence, indented.\t

                Third.
                Fourth.
                Fifth.
                """, StandardCharsets.UTF_8);
        Corpus corpus = Corpus.read(file);
        assertEquals(List.of("First sentence.", "Second sentence, indented.", "Third.", "Fourth.", "Fifth."),
                corpus.sentences());
        assertEquals(List.of("First sentence.", "Fourth."), corpus.calibration());
        assertEquals(List.of("Second sentence, indented.", "Third.", "Fifth."), corpus.evaluation());
        assertEquals(file.toString(), corpus.source());
    }

    @Test
    void emptyFileNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("empty.txt"), "\n\n   \n");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> Corpus.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("no sentence"), e.getMessage());
    }

    @Test
    void singleSentenceIsNotEnough(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("one.txt"), "Only one.\n");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> Corpus.read(file));
        assertTrue(e.getMessage().contains("one sentence"), e.getMessage());
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.txt");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> Corpus.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("not found"), e.getMessage());
        ZeroPruneException d = assertThrows(ZeroPruneException.class, () -> Corpus.read(dir));
        assertTrue(d.getMessage().contains("is a directory; expected a UTF-8 text file"), d.getMessage());
    }

    @Test
    void aDeviceOrAPipeIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
        ZeroPruneException device = assertThrows(ZeroPruneException.class, () -> Corpus.read(Path.of("/dev/zero")));
        assertEquals("/dev/zero: is a character device, not a regular file; expected a UTF-8 text file with one"
                + " sentence per line", device.getMessage());
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ZeroPruneException pipe = assertThrows(ZeroPruneException.class, () -> Corpus.read(fifo));
        assertTrue(pipe.getMessage().contains("is a named pipe (FIFO), not a regular file"), pipe.getMessage());
    }

    @Test
    void invalidUtf8NamesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '\n', 'x', '\n'});
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> Corpus.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
