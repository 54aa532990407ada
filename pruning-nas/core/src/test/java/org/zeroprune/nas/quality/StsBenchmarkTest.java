package org.zeroprune.nas.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;

/** The STS reader takes the benchmark's layouts, names the line it cannot read, and correlates by rank. */
class StsBenchmarkTest {
    @Test
    void readsSevenAndNineColumnsAndCorrelatesByRank(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sts.tsv");
        Files.write(file, List.of(
                "main-captions\tMSRvid\t2012test\t0001\t5.000\tA man plays.\tA man is playing.",
                "main-news\theadlines\t2013\t0002\t1.000\tStocks fell.\tA cat sleeps.\tsource-a\tsource-b",
                "",
                "main-forum\tdeft\t2014\t0003\t3.000\tIt rains.\tIt is raining hard."));
        StsBenchmark sts = StsBenchmark.read(file);
        assertEquals(3, sts.size());
        assertEquals(List.of("A man plays.", "Stocks fell.", "It rains.", "A man is playing.", "A cat sleeps.",
                "It is raining hard."), sts.sentences());
        // cosines 0.9, 0.1, 0.5 order the pairs as the gold scores 5, 1, 3 do: Spearman 1
        float[][] e = {{1, 0}, {1, 0}, {1, 0}, vector(0.9), vector(0.1), vector(0.5)};
        assertEquals(100.0, sts.spearman(e), 1e-9);
        float[][] reversed = {{1, 0}, {1, 0}, {1, 0}, vector(0.1), vector(0.9), vector(0.5)};
        assertEquals(-100.0, sts.spearman(reversed), 1e-9);
    }

    @Test
    void namesTheFileAndLineItCannotRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.write(file, List.of("a\tb\tc\t1\t4.0\tx\ty", "a\tb\tc\t2\tnot-a-score\tx\ty", "a\tb\tc\t3\t1.0\tx\ty"));
        ConfigException e = assertThrows(ConfigException.class, () -> StsBenchmark.read(file));
        assertTrue(e.getMessage().contains("bad.tsv") && e.getMessage().contains("line 2"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> StsBenchmark.read(dir.resolve("none.tsv")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void refusesSixColumnLinesNamingTheFirstOne(@TempDir Path dir) throws Exception {
        // without the genre, the id would be read as the gold score and the score as the first sentence
        Path six = Files.write(dir.resolve("six.tsv"), List.of("MSRvid\t2012test\t0001\t5.000\tA man plays.\tHe plays.",
                "MSRvid\t2012test\t0002\t1.000\tA cat.\tA car.", "MSRvid\t2012test\t0003\t3.000\tRain.\tIt rains."));
        ConfigException e = assertThrows(ConfigException.class, () -> StsBenchmark.read(six));
        assertTrue(e.getMessage().contains("six.tsv: line 1 has 6 tab-separated columns; expected 7"), e.getMessage());
        Path mixed = Files.write(dir.resolve("mixed.tsv"), List.of("g\tf\t2012\t0001\t5.000\tA man plays.\tHe plays.",
                "g\tf\t2012\t0002\t1.000\tA cat.\tA car.", "f\t2012\t0003\t3.000\tRain.\tIt rains."));
        ConfigException m = assertThrows(ConfigException.class, () -> StsBenchmark.read(mixed));
        assertTrue(m.getMessage().contains("line 3 has 6 tab-separated columns where the lines before it have 7"),
                m.getMessage());
    }

    @Test
    void refusesScoresOutsideZeroToFiveAndScoresThatAreAllEqual(@TempDir Path dir) throws Exception {
        Path outside = Files.write(dir.resolve("outside.tsv"), List.of("g\tf\t2012\t1\t4.0\ta\tb",
                "g\tf\t2012\t2\t17\ta\tc", "g\tf\t2012\t3\t1.0\ta\td"));
        ConfigException o = assertThrows(ConfigException.class, () -> StsBenchmark.read(outside));
        assertTrue(o.getMessage().contains("line 2: gold score 17 is outside 0 to 5"), o.getMessage());
        Path negative = Files.write(dir.resolve("negative.tsv"), List.of("g\tf\t2012\t1\t-0.5\ta\tb"));
        assertTrue(assertThrows(ConfigException.class, () -> StsBenchmark.read(negative)).getMessage()
                .contains("line 1: gold score -0.5 is outside"));
        Path equal = Files.write(dir.resolve("equal.tsv"), List.of("g\tf\t2012\t1\t3.0\ta\tb",
                "g\tf\t2012\t2\t3.0\ta\tc", "g\tf\t2012\t3\t3\ta\td"));
        ConfigException q = assertThrows(ConfigException.class, () -> StsBenchmark.read(equal));
        assertTrue(q.getMessage().contains("equal.tsv: every gold score is 3.0, so no correlation"), q.getMessage());
    }

    @Test
    void saysWhatAFileThatIsNotRegularIs(@TempDir Path dir) throws Exception {
        ConfigException device = assertThrows(ConfigException.class, () -> StsBenchmark.read(Path.of("/dev/zero")));
        assertEquals("/dev/zero: is a character device, not a regular file; expected an STS benchmark file ("
                + StsBenchmark.LAYOUT + ")", device.getMessage());
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ConfigException pipe = assertThrows(ConfigException.class, () -> StsBenchmark.read(fifo));
        assertTrue(pipe.getMessage().startsWith(fifo + ": is a named pipe (FIFO), not a regular file"), pipe.getMessage());
        ConfigException folder = assertThrows(ConfigException.class, () -> StsBenchmark.read(dir));
        assertTrue(folder.getMessage().contains("is a directory; expected an STS benchmark file"), folder.getMessage());
    }

    @Test
    void aModelThatGivesEveryPairTheSameCosineHasNoScore(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("sts.tsv"), List.of("g\tf\t2012\t1\t4.0\ta\tb",
                "g\tf\t2012\t2\t2.0\ta\tc", "g\tf\t2012\t3\t1.0\ta\td"));
        StsBenchmark sts = StsBenchmark.read(file);
        float[][] constant = {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}};
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> sts.spearman(constant));
        assertTrue(e.getMessage().contains("the same cosine similarity"), e.getMessage());
    }

    /** A unit vector at cosine {@code c} to {@code (1, 0)}. */
    private static float[] vector(double c) {
        return new float[] {(float) c, (float) Math.sqrt(1 - c * c)};
    }
}
