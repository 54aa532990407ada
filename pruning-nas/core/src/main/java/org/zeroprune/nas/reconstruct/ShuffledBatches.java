package org.zeroprune.nas.reconstruct;

import java.util.SplittableRandom;

/**
 * Training batches drawn without replacement: the sequences are shuffled, handed out in that order,
 * and shuffled again once every one has been used (an epoch), all from one seed, so a run repeats.
 */
final class ShuffledBatches {
    private final SplittableRandom random;
    private final int[] order;
    private final int batchSize;
    private int cursor;

    /** Batches of {@code batchSize} (at most {@code count}) over indices {@code 0..count-1}. */
    ShuffledBatches(int count, int batchSize, long seed) {
        this.random = new SplittableRandom(seed);
        this.order = new int[count];
        this.batchSize = Math.min(batchSize, count);
        this.cursor = count;
    }

    /** The next batch's indices. */
    int[] next() {
        int[] rows = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            if (cursor == order.length) {
                shuffle(order, random);
                cursor = 0;
            }
            rows[i] = order[cursor++];
        }
        return rows;
    }

    /** Fills {@code order} with {@code 0..n-1} in an order drawn from {@code random} (Fisher-Yates). */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
