package org.zeroprune.strategies.synthetic;

/**
 * The {@code k} ids with the highest scores offered so far; among equal scores the smaller id
 * wins, so the result does not depend on the order of offers. Not thread-safe.
 */
final class NearestTokens {
    private final double[] scores;
    private final int[] ids;
    private int size;
    private int worst;

    /** Keeps at most {@code k ≥ 1} ids. */
    NearestTokens(int k) {
        scores = new double[k];
        ids = new int[k];
    }

    /** Considers {@code id} with {@code score}. */
    void offer(double score, int id) {
        if (size < scores.length) {
            scores[size] = score;
            ids[size] = id;
            size++;
            if (size == scores.length) {
                worst = findWorst();
            }
            return;
        }
        if (better(score, id, scores[worst], ids[worst])) {
            scores[worst] = score;
            ids[worst] = id;
            worst = findWorst();
        }
    }

    /** How many ids are kept. */
    int size() {
        return size;
    }

    /** Kept id number {@code i}, {@code 0 <= i < size()}, in no particular order. */
    int id(int i) {
        return ids[i];
    }

    private int findWorst() {
        int w = 0;
        for (int i = 1; i < size; i++) {
            if (better(scores[w], ids[w], scores[i], ids[i])) {
                w = i;
            }
        }
        return w;
    }

    private static boolean better(double s1, int id1, double s2, int id2) {
        return s1 > s2 || (s1 == s2 && id1 < id2);
    }
}
