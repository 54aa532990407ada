package org.zeroprune.nas.benchmark.flexibert;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well a proxy's scores rank architectures like their ground truth.
 *
 * <p>Kendall's τ-b = {@code (P − Q) / sqrt((P + Q + T_x)(P + Q + T_y))} over all pairs, with
 * {@code P} concordant and {@code Q} discordant pairs and {@code T_x}, {@code T_y} the pairs tied
 * only in {@code x} or only in {@code y} (commons-math3 {@link KendallsCorrelation}). Spearman's ρ is
 * Pearson's correlation of the ranks, ties given their average rank ({@link SpearmansCorrelation}).
 * Both are NaN when one side is constant.
 *
 * @param kendallTau Kendall's τ-b
 * @param spearmanRho Spearman's ρ
 */
public record RankAgreement(double kendallTau, double spearmanRho) {

    /** The agreement of {@code scores} with {@code truth}, both of the same length ≥ 2. */
    public static RankAgreement of(double[] scores, double[] truth) {
        if (scores.length != truth.length || scores.length < 2) {
            throw new IllegalArgumentException("need two equally long arrays of at least 2 values, got "
                    + scores.length + " and " + truth.length);
        }
        if (isConstant(scores) || isConstant(truth)) {
            return new RankAgreement(Double.NaN, Double.NaN);
        }
        return new RankAgreement(new KendallsCorrelation().correlation(scores, truth),
                new SpearmansCorrelation().correlation(scores, truth));
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }
}
