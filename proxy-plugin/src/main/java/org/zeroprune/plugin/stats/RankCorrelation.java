package org.zeroprune.plugin.stats;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Rank correlations of two samples of equal length, from commons-math. Both return {@link
 * Double#NaN} when the value is undefined: fewer than two observations, or one sample constant.
 */
public enum RankCorrelation {
    /**
     * Kendall's τ-b: {@code (C − D) / sqrt((n₀ − n₁)(n₀ − n₂))}, with {@code C} and {@code D} the
     * concordant and discordant pairs, {@code n₀ = n(n−1)/2}, and {@code n₁}, {@code n₂} the pairs
     * tied in the first and in the second sample.
     */
    KENDALL_TAU_B("kendall-tau") {
        @Override
        double compute(double[] x, double[] y) {
            return new KendallsCorrelation().correlation(x, y);
        }
    },
    /**
     * Spearman's ρ: Pearson's correlation of the ranks, tied values taking the average of the
     * ranks they span.
     */
    SPEARMAN_RHO("spearman-rho") {
        @Override
        double compute(double[] x, double[] y) {
            return new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE))
                    .correlation(x, y);
        }
    };

    private final String label;

    RankCorrelation(String label) {
        this.label = label;
    }

    /** A short name for reports: {@code kendall-tau} or {@code spearman-rho}. */
    public String label() {
        return label;
    }

    /**
     * The correlation of {@code x} and {@code y}, in {@code [−1, 1]}, or NaN when undefined.
     *
     * @throws IllegalArgumentException if the lengths differ or a value is NaN
     */
    public double of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("samples have lengths " + x.length + " and " + y.length);
        }
        if (x.length < 2 || isConstant(x) || isConstant(y)) {
            return Double.NaN;
        }
        return compute(x, y);
    }

    abstract double compute(double[] x, double[] y);

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("sample contains NaN");
            }
        }
        for (int i = 1; i < values.length; i++) {
            if (values[i] != values[0]) {
                return false;
            }
        }
        return true;
    }
}
