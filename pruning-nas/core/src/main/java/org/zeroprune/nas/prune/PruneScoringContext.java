package org.zeroprune.nas.prune;

import java.util.List;
import java.util.Optional;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ScoringContext;

/** The scoring context of a pruning run. */
public final class PruneScoringContext implements ScoringContext {
    private final long seed;
    private final CostModel costs;
    private final CandidateSampler sampler;
    private final Optional<MaskedForward> forward;
    private final Optional<CalibrationText> calibration;
    private final ProgressListener progress;
    private final List<LabelledSample> labelled;

    /**
     * @param seed the run's seed
     * @param costs costs of the model's candidates
     * @param sampler candidates across the search space
     * @param forward the masked forward pass, if the model can run
     * @param calibration calibration sentences, if the user gave a corpus
     * @param progress where preparation reports progress
     */
    public PruneScoringContext(long seed, CostModel costs, CandidateSampler sampler, Optional<MaskedForward> forward,
            Optional<CalibrationText> calibration, ProgressListener progress) {
        this(seed, costs, sampler, forward, calibration, progress, List.of());
    }

    /**
     * A context that also offers labelled samples (candidates whose fidelity was measured).
     *
     * @param labelled the labelled samples
     */
    public PruneScoringContext(long seed, CostModel costs, CandidateSampler sampler, Optional<MaskedForward> forward,
            Optional<CalibrationText> calibration, ProgressListener progress, List<LabelledSample> labelled) {
        this.labelled = List.copyOf(labelled);
        this.seed = seed;
        this.costs = costs;
        this.sampler = sampler;
        this.forward = forward;
        this.calibration = calibration;
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
    public Optional<MaskedForward> forward() {
        return forward;
    }

    @Override
    public Optional<CalibrationText> calibration() {
        return calibration;
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
