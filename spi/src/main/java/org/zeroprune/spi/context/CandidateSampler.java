package org.zeroprune.spi.context;

import java.util.SplittableRandom;

/** Draws candidates from the search space of the current job. */
public interface CandidateSampler {

    /**
     * {@return one candidate, chosen with {@code random} only, so that a seeded generator repeats}
     *
     * @param random the source of every random choice
     */
    SampledCandidate sample(SplittableRandom random);
}
