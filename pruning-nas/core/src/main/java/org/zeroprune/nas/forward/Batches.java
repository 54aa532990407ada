package org.zeroprune.nas.forward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Groups sequences into batches of similar length, so that little compute goes to padding. */
final class Batches {
    private Batches() {
    }

    /**
     * Indices of {@code tokenIds}, sorted by decreasing length (ties by index, so the plan is
     * deterministic) and cut into groups of at most {@code batchSize}.
     */
    static List<int[]> byLength(int[][] tokenIds, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        int[] order = IntStream.range(0, tokenIds.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -tokenIds[i].length).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }

    /** Fills {@code order} with {@code 0..n-1} in an order drawn from {@code random} (Fisher-Yates). */
    static void shuffle(int[] order, SplittableRandom random) {
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

    /** Indices {@code 0..count-1} in consecutive groups of at most {@code size}, in order. */
    static List<int[]> consecutive(int count, int size) {
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < count; start += size) {
            out.add(IntStream.range(start, Math.min(count, start + size)).toArray());
        }
        return out;
    }
}
