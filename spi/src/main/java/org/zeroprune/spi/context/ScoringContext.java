package org.zeroprune.spi.context;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a strategy may use besides the model's weights. Only {@link #seed()} and
 * {@link #costModel()} are always present; the rest depends on the command and the configuration,
 * as {@link #capabilities()} says.
 */
public interface ScoringContext {

    /** Seed for every random choice the strategy makes; the same seed must give the same scores. */
    long seed();

    /** Costs of candidates of the model being prepared. */
    CostModel costModel();

    /** Samples candidates from the search space, for label-free calibration. */
    default Optional<CandidateSampler> sampler() {
        return Optional.empty();
    }

    /** Candidates with a measured quality (benchmark records or measured fidelities); may be empty. */
    default List<LabelledSample> labelledSamples() {
        return List.of();
    }

    /** A masked forward pass over the model being prepared. */
    default Optional<MaskedForward> forward() {
        return Optional.empty();
    }

    /** Calibration sentences; present only when the user gave a corpus for data-driven strategies. */
    default Optional<CalibrationText> calibration() {
        return Optional.empty();
    }

    /** Where to report progress of long preparations. */
    default ProgressListener progress() {
        return ProgressListener.NONE;
    }

    /** The capabilities this context offers. */
    default Set<Capability> capabilities() {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        if (sampler().isPresent()) {
            set.add(Capability.CANDIDATE_SAMPLER);
        }
        if (!labelledSamples().isEmpty()) {
            set.add(Capability.LABELLED_SAMPLES);
        }
        if (forward().isPresent()) {
            set.add(Capability.FORWARD_PASS);
        }
        if (calibration().isPresent()) {
            set.add(Capability.CALIBRATION_TEXT);
        }
        return set;
    }
}
