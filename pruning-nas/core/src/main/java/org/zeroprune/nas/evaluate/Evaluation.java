package org.zeroprune.nas.evaluate;

import java.util.List;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The outcome of {@link EvaluateJob}.
 *
 * @param config the settings
 * @param model where the model came from
 * @param tokenizer which tokenizer the forward pass used ({@link org.zeroprune.nas.checkpoint.BertCheckpoint#tokenizerSource})
 * @param corpus where the sentences came from
 * @param sentences evaluation sentences fidelity was measured on
 * @param budget the budget every candidate meets
 * @param masks the candidates
 * @param costs their cost model
 * @param fidelity measured fidelity per candidate
 * @param heldOut candidates the figures are computed over (all, unless some were offered as labels)
 * @param best the held-out candidate with the highest measured fidelity
 * @param fidelitySeconds time spent measuring fidelity
 * @param strategies one result per strategy that ran
 * @param failures strategies that could not run, with why
 * @param seconds wall time of the whole evaluation
 * @param sts STS Spearman ×100 of the dense model, the best candidate and each strategy's top pick, if asked
 * @param language whether the model's vocabulary reads the corpus fidelity was measured on
 * @param warnings what makes a figure undefined or was measured again (a constant fidelity or score, a corrupt
 *     cache entry), for the console and {@code evaluation.json}
 */
public record Evaluation(PruneConfig config, String model, String tokenizer, String corpus, int sentences, Budget budget,
        List<PruningMask> masks, ViewCostModel costs, double[] fidelity, List<Integer> heldOut, int best,
        double fidelitySeconds, List<StrategyEvaluation> strategies, List<String> failures, double seconds,
        java.util.Optional<Sts> sts, java.util.Optional<CorpusLanguageCheck> language, List<String> warnings) {

    /**
     * STS results of the plain cuts (evaluate does not reconstruct).
     *
     * @param file the STS file
     * @param pairs its pairs
     * @param dense the dense model's Spearman ×100
     * @param best the best-fidelity candidate's
     * @param topPicks each strategy's top pick's, by strategy label
     */
    public record Sts(String file, int pairs, double dense, double best, java.util.Map<String, Double> topPicks) {
    }
}
