package org.zeroprune.nas.reconstruct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The held-out part of the calibration: spread over the sequences, bounded, disjoint from training. */
class CalibrationSplitTest {
    @Test
    void holdsOutAnEighthWithinBoundsAndNeverASequenceTwice() {
        assertSizes(40, 32, 8);
        assertSizes(3, 2, 1);
        assertSizes(800, 700, 100);
        assertSizes(4000, 3744, 256);
        assertThrows(IllegalArgumentException.class, () -> CalibrationSplit.of(new int[1][]));
    }

    private static void assertSizes(int total, int train, int heldOut) {
        int[][] sequences = new int[total][];
        for (int i = 0; i < total; i++) {
            sequences[i] = new int[] {101, i, 102};
        }
        CalibrationSplit split = CalibrationSplit.of(sequences);
        assertEquals(train, split.train().length, "train of " + total);
        assertEquals(heldOut, split.heldOut().length, "held out of " + total);
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(split.train()).forEach(s -> seen.add(s[1]));
        Arrays.stream(split.heldOut()).forEach(s -> seen.add(s[1]));
        assertEquals(total, seen.size(), "every sequence once");
    }
}
