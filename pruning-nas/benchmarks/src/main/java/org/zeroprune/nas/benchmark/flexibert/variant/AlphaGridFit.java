package org.zeroprune.nas.benchmark.flexibert.variant;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * Picks α for {@code α·A + (1 − α)·F} on labelled architectures: the grid
 * {@code α = i / 20}, {@code i = −30..30} (so [−1.5, 1.5] in steps of 0.05), and the α whose scores
 * have the highest Kendall τ-b with the qualities. A constant score (τ undefined) never wins.
 *
 * <p>Tie-break, the same as the ZeroLM plugin's {@code AlphaGrid}: among the α with exactly the
 * highest τ, the one closest to 0.5 (compared on the integer grid index, so 0.45 and 0.55 tie
 * exactly), then the smaller. Neighbouring α often rank 50 architectures identically, so ties are
 * common; with this rule the harness variants and ZeroLM settle them alike.
 */
final class AlphaGridFit {
    static final int GRID_POINTS = 61;
    private static final int MIN_INDEX = -30;
    private static final int HALF_INDEX = 10;

    private AlphaGridFit() {
    }

    /**
     * The best α and its τ.
     *
     * @param attention {@code A} per sample
     * @param ffn {@code F} per sample
     * @param quality the ground truth per sample
     */
    static double[] fit(double[] attention, double[] ffn, double[] quality) {
        KendallsCorrelation kendall = new KendallsCorrelation();
        int best = Integer.MIN_VALUE;
        double bestTau = Double.NEGATIVE_INFINITY;
        double[] scores = new double[quality.length];
        for (int index = MIN_INDEX; index < MIN_INDEX + GRID_POINTS; index++) {
            double alpha = index / 20.0;
            for (int s = 0; s < scores.length; s++) {
                scores[s] = alpha * attention[s] + (1 - alpha) * ffn[s];
            }
            double tau = kendall.correlation(scores, quality);
            if (tau > bestTau || (tau == bestTau && closerToHalf(index, best))) {
                bestTau = tau;
                best = index;
            }
        }
        if (best == Integer.MIN_VALUE) {
            throw new IllegalStateException("no α gives a defined Kendall τ on " + quality.length + " samples");
        }
        return new double[] {best / 20.0, bestTau};
    }

    // integer distances to the index of 0.5, then the smaller index
    private static boolean closerToHalf(int candidate, int incumbent) {
        int dc = Math.abs(candidate - HALF_INDEX);
        int di = Math.abs(incumbent - HALF_INDEX);
        return dc < di || (dc == di && candidate < incumbent);
    }
}
