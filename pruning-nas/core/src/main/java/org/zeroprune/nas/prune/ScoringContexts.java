package org.zeroprune.nas.prune;

import java.util.Optional;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.plugin.RunScoringContext;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.spi.context.ProgressListener;

/**
 * The scoring context that {@code prune}, {@code evaluate} and an engine's workers ({@link
 * StrategyRecipe}) offer strategies, built in one place: a worker's preparation must read exactly what
 * the driver's read, or its scores would differ.
 */
public final class ScoringContexts {
    private ScoringContexts() {
    }

    /**
     * What a run shares: the seed, a sampler over {@code space}, the forward pass, and the calibration part
     * of {@code calibration} when it names a corpus; the caller adds labelled samples and builds.
     *
     * @param calibration {@code builtin}, a text file, or empty to offer no calibration text
     */
    public static RunScoringContext.Builder of(long seed, ProgressListener progress, LoadedModel model, SearchSpace space,
            ViewCostModel costs, ModelRuntime runtime, String calibration) {
        return RunScoringContext.builder(seed, progress).sampler(new SpaceSampler(model.view(), space, costs))
                .forward(runtime.forward(model))
                .calibration(calibration.isBlank() ? Optional.empty() : runtime.calibration(calibration, model));
    }
}
