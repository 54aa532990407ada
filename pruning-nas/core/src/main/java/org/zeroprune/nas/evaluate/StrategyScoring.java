package org.zeroprune.nas.evaluate;

import java.util.List;
import java.util.Map;
import org.zeroprune.nas.quality.RankCorrelation;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.ContextOffer;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.PreparedStrategy;
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
    private final ProgressListener progress;
    private final ModelView view;
    private final ScoringContext context;
    private final List<PruningMask> masks;
    private final double[] fidelity;
    private final List<Integer> heldOut;

    /**
     * @param masks the sampled candidates
     * @param fidelity their measured fidelity, by index
     * @param heldOut the indices that are not labelled samples: every figure is computed over these
     */
    StrategyScoring(PluginRegistry registry, ProgressListener progress, ModelView view, ScoringContext context,
            List<PruningMask> masks, double[] fidelity, List<Integer> heldOut) {
        this.registry = registry;
        this.progress = progress;
        this.view = view;
        this.context = context;
        this.masks = masks;
        this.fidelity = fidelity;
        this.heldOut = heldOut;
    }

    /** One strategy's row; a plugin's failure is thrown, naming the strategy by its label. */
    StrategyEvaluation evaluate(StrategySpec spec) {
        ConfiguredStrategy strategy = ConfiguredStrategy.create(registry.get(spec.name()), spec.label(), spec.options());
        long start = System.nanoTime();
        PreparedStrategy prepared;
        try (ProgressTask task = progress.start("Preparing " + spec.label(), -1)) {
            prepared = strategy.prepare(view, context, OFFER);
        }
        double prepareSeconds = (System.nanoTime() - start) / 1e9;
        double[] scores = new double[masks.size()];
        long scoring = System.nanoTime();
        try (ProgressTask task = progress.start("Scoring with " + spec.label(), masks.size())) {
            for (int i = 0; i < scores.length; i++) {
                int index = i;
                scores[i] = prepared.score(masks.get(i), () -> "candidate #" + index + " (" + masks.get(index) + ")");
                task.step();
            }
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
                Map.copyOf(prepared.details()));
    }
}
