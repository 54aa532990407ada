package org.zeroprune.nas.engine;

import java.util.List;
import java.util.function.IntFunction;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Where a batch of candidates is scored. {@link LocalEngine} scores on this JVM's threads; a
 * distributed engine ships the batch and the {@link ScorerRecipe} to workers, which rebuild the scorer
 * once and keep it. Either way the scores are the same, by index, and a failure is the one-line
 * {@code ZeroPruneException} the local scorer would throw. One engine serves one run; close it after.
 */
public interface ScoringEngine extends AutoCloseable {
    /** {@return the engine's name, as {@code engine.name} gives it} */
    String name();

    /**
     * The scores of {@code masks}, by index.
     *
     * @param local the scorer prepared in this JVM
     * @param recipe how a worker rebuilds that scorer
     * @param candidate names the candidate at an index in a failure
     * @param threads threads to score on locally
     * @param scored called once per scored candidate, on this JVM
     */
    double[] scoreAll(BatchScorer local, ScorerRecipe recipe, List<PruningMask> masks, IntFunction<String> candidate,
            int threads, Runnable scored);

    /** Ends the engine's session (a distributed engine's context); never throws. */
    @Override
    void close();
}
