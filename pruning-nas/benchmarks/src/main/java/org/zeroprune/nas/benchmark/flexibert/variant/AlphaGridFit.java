package org.zeroprune.nas.benchmark.flexibert.variant;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * Picks α for {@code α·A + (1 − α)·F} on labelled architectures: the grid
 * {@code α = −1.5 + 0.05·i}, {@code i = 0..60}, and the α whose scores have the highest Kendall τ-b
 * with the qualities; on a tie the smallest such α. A constant score (τ undefined) never wins.
 */
final class AlphaGridFit {
    static final int GRID_POINTS = 61;

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
        double bestAlpha = Double.NaN;
        double bestTau = Double.NEGATIVE_INFINITY;
        double[] scores = new double[quality.length];
        for (int i = 0; i < GRID_POINTS; i++) {
            double alpha = (i - 30) / 20.0;
            for (int s = 0; s < scores.length; s++) {
                scores[s] = alpha * attention[s] + (1 - alpha) * ffn[s];
            }
            double tau = kendall.correlation(scores, quality);
            if (tau > bestTau) {
                bestTau = tau;
                bestAlpha = alpha;
            }
        }
        if (Double.isNaN(bestAlpha)) {
            throw new IllegalStateException("no α gives a defined Kendall τ on " + quality.length + " samples");
        }
        return new double[] {bestAlpha, bestTau};
    }
}
