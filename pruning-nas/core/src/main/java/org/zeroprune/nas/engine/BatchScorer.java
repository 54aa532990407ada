package org.zeroprune.nas.engine;

import java.util.List;
import java.util.function.IntFunction;
import org.zeroprune.spi.mask.PruningMask;

/** Something that scores a batch of candidates in this JVM: a prepared strategy, or a fidelity measurement. */
@FunctionalInterface
public interface BatchScorer {
    /**
     * The scores of {@code masks}, by index.
     *
     * @param candidate names the candidate at an index in a failure; called only then
     * @param threads threads to score on
     * @param scored called after each score (a progress step)
     */
    double[] scoreAll(List<PruningMask> masks, IntFunction<String> candidate, int threads, Runnable scored);
}
