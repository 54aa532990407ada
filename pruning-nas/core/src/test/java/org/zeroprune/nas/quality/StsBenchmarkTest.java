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

    /** A unit vector at cosine {@code c} to {@code (1, 0)}. */
    private static float[] vector(double c) {
        return new float[] {(float) c, (float) Math.sqrt(1 - c * c)};
    }
}
