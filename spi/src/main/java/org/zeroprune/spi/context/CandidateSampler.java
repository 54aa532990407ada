package org.zeroprune.spi.context;

import java.util.SplittableRandom;

/** Draws candidates from the search space of the current job. */
public interface CandidateSampler {

    /** One candidate, chosen with {@code random} only, so that a seeded generator repeats. */
    SampledCandidate sample(SplittableRandom random);
}
