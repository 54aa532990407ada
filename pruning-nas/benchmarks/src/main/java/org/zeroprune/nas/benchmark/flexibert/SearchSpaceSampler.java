package org.zeroprune.nas.benchmark.flexibert;

import java.util.SplittableRandom;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.SampledCandidate;

/**
 * Random architectures of the FlexiBERT design space ({@code search_space.json}, not the
 * benchmark's 500), for label-free α selection. A candidate's architecture and its weight seed are
 * both drawn from the caller's generator, so a seeded caller gets the same candidates and weights.
 */
public final class SearchSpaceSampler implements CandidateSampler {
    private final FlexiSearchSpace space;
    private final int sequenceLength;

    /**
     * @param space the design space
     * @param sequenceLength tokens per sequence of the cost model
     */
    public SearchSpaceSampler(FlexiSearchSpace space, int sequenceLength) {
        this.space = space;
        this.sequenceLength = sequenceLength;
    }

    @Override
    public SampledCandidate sample(SplittableRandom random) {
        Architecture architecture = space.sample(random);
        long weightSeed = random.nextLong();
        return new ArchitectureCandidate("sampled-" + Long.toHexString(weightSeed), architecture, weightSeed,
                sequenceLength);
    }
}
