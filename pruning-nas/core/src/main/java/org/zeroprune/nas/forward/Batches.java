package org.zeroprune.nas.forward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
}
