package org.zeroprune.nas.evaluate;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.zeroprune.nas.quality.RankCorrelation;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.ContextOffer;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.StrategyLimits;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * Scores the sampled candidates with one strategy at a time and measures how its ranking agrees with
 * the measured fidelity on the held-out candidates. Every strategy gets the same context.
 */
final class StrategyScoring {
    /** What evaluate offers strategies, and how to offer labelled samples when one needs them. */
    static final ContextOffer OFFER = new ContextOffer("this evaluation",
            Map.of(Capability.LABELLED_SAMPLES, "pass --labelled N to offer N measured candidates"), "");

    private final PluginRegistry registry;
    private final StrategyLimits limits;
    private final ProgressListener progress;
    private final ModelView view;
    private final ScoringContext context;
    private final List<PruningMask> masks;
    private final double[] fidelity;
    private final List<Integer> heldOut;
    private final BiFunction<StrategySpec, PreparedStrategy, PreparedStrategy> onEngine;

    /**
     * @param masks the sampled candidates
     * @param fidelity their measured fidelity, by index
     * @param heldOut the indices that are not labelled samples: every figure is computed over these
     * @param onEngine a prepared strategy, scoring on the run's engine
     */
    StrategyScoring(PluginRegistry registry, StrategyLimits limits, ProgressListener progress, ModelView view, ScoringContext context,
            List<PruningMask> masks, double[] fidelity, List<Integer> heldOut,
            BiFunction<StrategySpec, PreparedStrategy, PreparedStrategy> onEngine) {
        this.onEngine = onEngine;
        this.registry = registry;
        this.limits = limits;
        this.progress = progress;
        this.view = view;
        this.context = context;
        this.masks = masks;
        this.fidelity = fidelity;
        this.heldOut = heldOut;
    }

    /**
     * One strategy's row; a plugin's failure (an exception, an {@link Error}, an output the framework cannot
     * use, or a call past its time limit) is thrown as a {@code PluginException} naming the strategy by its
     * label and its jar.
     */
    StrategyEvaluation evaluate(StrategySpec spec) {
        ConfiguredStrategy strategy = ConfiguredStrategy.create(registry.get(spec.name()), spec.label(), spec.options())
                .withLimits(limits);
        long start = System.nanoTime();
        PreparedStrategy prepared;
        try (ProgressTask task = progress.start("Preparing " + spec.label(), -1)) {
            prepared = onEngine.apply(spec, strategy.prepare(view, context, OFFER));
        }
        double prepareSeconds = (System.nanoTime() - start) / 1e9;
        long scoring = System.nanoTime();
        double[] scores;
        try (ProgressTask task = progress.start("Scoring with " + spec.label(), masks.size())) {
            // one thread, so that the time per candidate is the strategy's own
            scores = prepared.scoreAll(masks, i -> "candidate #" + i + " (" + masks.get(i) + ")", 1, task::step);
        }
        double perCandidate = (System.nanoTime() - scoring) / 1e6 / scores.length;
        double[] x = new double[heldOut.size()];
        double[] y = new double[heldOut.size()];
        int topPick = heldOut.get(0);
        for (int k = 0; k < heldOut.size(); k++) {
            int i = heldOut.get(k);
            x[k] = scores[i];
            y[k] = fidelity[i];
            if (scores[i] > scores[topPick]) {
                topPick = i;
            }
        }
        return new StrategyEvaluation(spec, prepared.source(), scores, RankCorrelation.kendallTauB(x, y),
                RankCorrelation.spearman(x, y), topPick, fidelity[topPick], prepareSeconds, perCandidate,
                prepared.details());
    }
}
