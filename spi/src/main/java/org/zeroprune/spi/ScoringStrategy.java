package org.zeroprune.spi;

import java.util.Set;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.model.ModelView;

/** A configured scoring strategy: turns a model into a scorer of pruning candidates. */
public interface ScoringStrategy {

    /**
     * Does the per-model work once (per-head and per-neuron statistics, calibration, a choice of
     * hyper-parameters) and returns a scorer for candidates of this model.
     *
     * @param model read-only view of the model whose candidates will be scored
     * @param context what the framework offers besides the weights: cost model, seed, samplers,
     *     labelled samples, a masked forward pass
     * @throws ScoringException if the strategy cannot score this model; the message says why
     */
    CandidateScorer prepare(ModelView model, ScoringContext context);

    /**
     * What this strategy, with its options, needs from the {@link ScoringContext}. The framework
     * checks these before calling {@link #prepare} and reports what is missing.
     */
    default Set<Capability> requirements() {
        return Set.of();
    }
}
