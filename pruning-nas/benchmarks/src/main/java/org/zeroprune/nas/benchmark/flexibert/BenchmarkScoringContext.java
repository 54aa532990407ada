package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;
import java.util.Optional;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ScoringContext;

/**
 * The scoring context of one benchmark architecture: its own cost model, and the run seed's
 * labelled sample and sampler. Every architecture of one run seed gets the <em>same</em> list and
 * sampler objects and the same seed, so that a strategy that memoises its α selection by their
 * identity selects once per seed. No forward pass and no calibration text.
 */
final class BenchmarkScoringContext implements ScoringContext {
    private final long seed;
    private final CostModel costs;
    private final List<LabelledSample> labelled;
    private final CandidateSampler sampler;
    private final ProgressListener progress;

    BenchmarkScoringContext(long seed, CostModel costs, List<LabelledSample> labelled, CandidateSampler sampler,
            ProgressListener progress) {
        this.seed = seed;
        this.costs = costs;
        this.labelled = labelled;
        this.sampler = sampler;
        this.progress = progress;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public CostModel costModel() {
        return costs;
    }

    @Override
    public Optional<CandidateSampler> sampler() {
        return Optional.of(sampler);
    }

    @Override
    public List<LabelledSample> labelledSamples() {
        return labelled;
    }

    @Override
    public ProgressListener progress() {
        return progress;
    }
}
