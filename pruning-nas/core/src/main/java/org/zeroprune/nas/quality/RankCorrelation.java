package org.zeroprune.nas.quality;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Rank agreement between a strategy's scores and measured qualities: Kendall's τ-b (ties corrected
 * in both variables) and Spearman's ρ (Pearson correlation of ranks, ties given their average
 * rank), both from commons-math3. NaN when either variable is constant.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /** Kendall's τ-b. */
    public static double kendallTauB(double[] x, double[] y) {
        check(x, y);
        return isConstant(x) || isConstant(y) ? Double.NaN : new KendallsCorrelation().correlation(x, y);
    }

    /** Spearman's ρ with average ranks for ties. */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return isConstant(x) || isConstant(y) ? Double.NaN : new SpearmansCorrelation().correlation(x, y);
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need two series of equal length >= 2, got " + x.length + " and " + y.length);
        }
    }
}
