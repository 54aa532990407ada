package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.nas.quality.RankCorrelation;

/**
 * How well a proxy's scores rank architectures like their ground truth.
 *
 * <p>Kendall's τ-b = {@code (P − Q) / sqrt((P + Q + T_x)(P + Q + T_y))} over all pairs, with
 * {@code P} concordant and {@code Q} discordant pairs and {@code T_x}, {@code T_y} the pairs tied
 * only in {@code x} or only in {@code y} (commons-math3, through {@link RankCorrelation}). Spearman's ρ is
 * Pearson's correlation of the ranks, ties given their average rank.
 * Both are NaN when one side is constant.
 *
 * @param kendallTau Kendall's τ-b
 * @param spearmanRho Spearman's ρ
 */
public record RankAgreement(double kendallTau, double spearmanRho) {

    /** The agreement of {@code scores} with {@code truth}, both of the same length ≥ 2. */
    public static RankAgreement of(double[] scores, double[] truth) {
        return new RankAgreement(RankCorrelation.kendallTauB(scores, truth), RankCorrelation.spearman(scores, truth));
    }
}
