package org.zeroprune.nas.benchmark.flexibert;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The architectures a run seed may use to pick α: a uniform random subset of {@code size} record
 * positions, drawn by a partial Fisher–Yates shuffle with a {@link SplittableRandom} seeded by
 * {@link WeightSeeds#purpose}{@code (seed, ALPHA_SAMPLE)}. The others are held out.
 */
final class AlphaSample {
    private AlphaSample() {
    }

    /** Sorted positions in {@code [0, records)}. */
    static int[] choose(int records, int size, long runSeed) {
        if (size < 2 || size > records - 2) {
            throw new IllegalArgumentException("the α sample must hold at least 2 architectures and leave at least 2"
                    + " held out; got " + size + " of " + records);
        }
        SplittableRandom random = new SplittableRandom(WeightSeeds.purpose(runSeed, WeightSeeds.ALPHA_SAMPLE));
        int[] order = new int[records];
        for (int i = 0; i < records; i++) {
            order[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(records - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, size);
        Arrays.sort(chosen);
        return chosen;
    }
}
