package org.zeroprune.nas.evaluate;

import java.util.Map;

/**
 * How well one strategy ranks the sampled candidates.
 *
 * @param spec the strategy as given
 * @param source where the strategy was found
 * @param scores one score per candidate, in candidate order
 * @param kendall Kendall τ-b between scores and fidelity over the candidates not used as labels
 * @param spearman Spearman ρ over the same candidates
 * @param topPick index of the highest-scoring evaluated candidate
 * @param topPickFidelity its measured fidelity
 * @param prepareSeconds time of {@code prepare}
 * @param scoreMillisPerCandidate mean time of one {@code score} call
 * @param details what the scorer reported about itself
 */
public record StrategyEvaluation(StrategySpec spec, String source, double[] scores, double kendall, double spearman,
        int topPick, double topPickFidelity, double prepareSeconds, double scoreMillisPerCandidate,
        Map<String, Object> details) {
}
