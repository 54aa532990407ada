package org.zeroprune.spi.sums;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.mask.UnitSet;

/** Word-at-a-time sums equal plain loops over the kept units. */
class KeptSumTest {

    @Test
    void unitSumsEqualNaiveSums() {
        SplittableRandom random = new SplittableRandom(1);
        RandomMasks masks = new RandomMasks(random);
        for (int trial = 0; trial < 300; trial++) {
            int size = random.nextInt(300);
            double[] values = random.doubles(size, 0, 10).toArray();
            UnitSums sums = new UnitSums(values);
            UnitSet kept = masks.set(size);
            double expected = 0;
            for (int u = 0; u < size; u++) {
                expected += kept.contains(u) ? values[u] : 0;
            }
            assertEquals(expected, sums.sum(kept), 1e-9 * Math.max(1, expected), kept.toString());
        }
    }

    @Test
    void blockSumsEqualNaiveSubBlocks() {
        SplittableRandom random = new SplittableRandom(2);
        RandomMasks masks = new RandomMasks(random);
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(140);
            double[] block = random.doubles((long) n * n, 0, 1).toArray();
            BlockSums sums = new BlockSums(n, block);
            UnitSet kept = masks.set(n);
            double expected = 0;
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    expected += kept.contains(u) && kept.contains(v) ? block[u * n + v] : 0;
                }
            }
            assertEquals(expected, sums.sum(kept), 1e-9 * Math.max(1, expected));
        }
    }

    @Test
    void mixedWordsUseTheCheaperSideAndAgree() {
        double[] values = new double[130];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        UnitSums sums = new UnitSums(values);
        BitSet bits = new BitSet();
        bits.set(0, 60); // mostly kept word: subtracts the 4 removed units
        bits.set(64, 66); // mostly removed word: adds the 2 kept units
        bits.set(128, 130); // full tail word of 2 units
        double expected = 60 * 61 / 2.0 + 65 + 66 + 129 + 130;
        assertEquals(expected, sums.sum(UnitSet.of(130, bits)), 1e-12);
    }

    @Test
    void aPerEntryTableBuiltLazilyGivesTheSameDoublesAsOneBuiltAtOnce() {
        SplittableRandom random = new SplittableRandom(3);
        RandomMasks masks = new RandomMasks(random);
        for (EntryMeasure measure : EntryMeasure.values()) {
            for (int trial = 0; trial < 60; trial++) {
                int n = 1 + random.nextInt(90);
                float[] weights = new float[n * n];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = (float) random.nextGaussian();
                }
                double[] table = new double[n * n];
                for (int i = 0; i < table.length; i++) {
                    table[i] = measure.of(weights[i]);
                }
                BlockSums eager = new BlockSums(n, table);
                BlockSums lazy = BlockSums.ofEntries(n, java.nio.FloatBuffer.wrap(weights), measure);
                assertEquals(eager.total(), lazy.total(), 0.0);
                for (int u = 0; u < n; u++) {
                    assertEquals(eager.unitMass(u), lazy.unitMass(u), 0.0);
                }
                for (int k = 0; k < 5; k++) {
                    UnitSet kept = masks.set(n);
                    assertEquals(eager.sum(kept), lazy.sum(kept), 0.0, kept.toString());
                }
            }
        }
    }
}
