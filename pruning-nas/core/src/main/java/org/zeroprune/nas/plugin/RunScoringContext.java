package org.zeroprune.nas.plugin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ScoringContext;

/**
 * The scoring context the framework hands to plugins, for {@code prune}, {@code evaluate} and the
 * benchmarks alike. A {@link Builder} holds what one run shares (seed, sampler, labelled samples,
 * forward pass, calibration text, progress) and {@link Builder#build} adds the cost model of the
 * model being prepared.
 *
 * <p>Identity, as {@link ScoringContext} promises plugins: the labelled samples are copied once,
 * when the builder is given them, so every context one builder builds returns the <em>same</em>
 * unmodifiable list instance and the same sampler instance. Plugins memoise per-run work (zerolm's
 * α selection) by those identities, so a run that prepares many models must build all their
 * contexts from one builder, never from a fresh copy of the list.
 */
public final class RunScoringContext implements ScoringContext {
    private final long seed;
    private final CostModel costs;
    private final Optional<CandidateSampler> sampler;
    private final List<LabelledSample> labelled;
    private final Optional<MaskedForward> forward;
    private final Optional<CalibrationText> calibration;
    private final ProgressListener progress;

    private RunScoringContext(Builder b, CostModel costs) {
        this.seed = b.seed;
        this.costs = Objects.requireNonNull(costs, "costs");
        this.sampler = b.sampler;
        this.labelled = b.labelled;
        this.forward = b.forward;
        this.calibration = b.calibration;
        this.progress = b.progress;
    }

    /** What one run shares, with nothing offered yet but the seed and where progress goes. */
    public static Builder builder(long seed, ProgressListener progress) {
        return new Builder(seed, progress);
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
        return sampler;
    }

    @Override
    public List<LabelledSample> labelledSamples() {
        return labelled;
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
    public ProgressListener progress() {
        return progress;
    }

    /**
     * What the contexts of one run share. Configure it on one thread; {@link #build} may then be
     * called from any number of threads.
     */
    public static final class Builder {
        private final long seed;
        private final ProgressListener progress;
        private Optional<CandidateSampler> sampler = Optional.empty();
        private List<LabelledSample> labelled = List.of();
        private Optional<MaskedForward> forward = Optional.empty();
        private Optional<CalibrationText> calibration = Optional.empty();

        private Builder(long seed, ProgressListener progress) {
            this.seed = seed;
            this.progress = Objects.requireNonNull(progress, "progress");
        }

        /** Candidates across the search space; the one instance every built context returns. */
        public Builder sampler(CandidateSampler sampler) {
            this.sampler = Optional.of(sampler);
            return this;
        }

        /** Candidates with a measured quality, copied here once: every built context returns that copy. */
        public Builder labelledSamples(List<LabelledSample> samples) {
            this.labelled = List.copyOf(samples);
            return this;
        }

        /** The masked forward pass, if the model can run. */
        public Builder forward(Optional<MaskedForward> forward) {
            this.forward = forward;
            return this;
        }

        /** Calibration sentences, if the user gave a corpus. */
        public Builder calibration(Optional<CalibrationText> calibration) {
            this.calibration = calibration;
            return this;
        }

        /** The context for preparing the model whose candidates {@code costs} prices. */
        public RunScoringContext build(CostModel costs) {
            return new RunScoringContext(this, costs);
        }
    }
}
