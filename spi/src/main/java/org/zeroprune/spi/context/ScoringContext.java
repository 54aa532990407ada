package org.zeroprune.spi.context;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a strategy may use besides the model's weights. Only {@link #seed()} and
 * {@link #costModel()} are always present; the rest depends on the command and the configuration,
 * as {@link #capabilities()} says.
 *
 * <h2>Identities the framework guarantees</h2>
 * A <em>run</em> is one {@code prune}, one {@code evaluate}, or one run seed of a benchmark; it may
 * prepare several strategies, or one strategy on many models, each call with a context of its own.
 * Within a run:
 * <ul>
 *   <li>{@link #labelledSamples()} returns the same unmodifiable list instance on every call and from
 *       every context of the run. The list and its samples never change, so one instance always
 *       stands for the same samples, and work derived from them may be cached by the list's identity
 *       with the {@link #seed()} ({@link org.zeroprune.spi.ScoringStrategy} says how). An
 *       <em>empty</em> list carries no identity: it may be a constant shared by every run.
 *   <li>{@link #sampler()} holds the same sampler instance on every call and in every context of the
 *       run. A sampler draws from one fixed search space, and the same random state gives the same
 *       candidates, so its identity stands for what it draws. A sampler whose candidates are
 *       candidates of the model being prepared ({@code prune}, {@code evaluate}) is never handed
 *       to a context of another model.
 *   <li>{@link #seed()} is the same in every context of the run.
 *   <li>The {@link org.zeroprune.spi.model.ModelView} passed to {@code prepare} is not changed while
 *       the framework holds it; one instance may be prepared by several strategies of a run. A
 *       labelled or sampled candidate's {@code model()} may be that very instance or a new one on
 *       each call.
 * </ul>
 * Nothing else is promised: the context object itself, {@link #costModel()}, {@link #forward()} and
 * {@link #calibration()} may be new for every {@code prepare} call, and two runs may or may not
 * share objects.
 */
public interface ScoringContext {

    /** {@return seed for every random choice the strategy makes; the same seed must give the same scores} */
    long seed();

    /** {@return costs of candidates of the model being prepared} */
    CostModel costModel();

    /** {@return the sampler of candidates from the search space, for label-free calibration; one instance throughout a run} */
    default Optional<CandidateSampler> sampler() {
        return Optional.empty();
    }

    /**
     * {@return candidates with a measured quality (benchmark records or measured fidelities); may be empty}
     * The same unmodifiable instance throughout a run (see above).
     */
    default List<LabelledSample> labelledSamples() {
        return List.of();
    }

    /** {@return a masked forward pass over the model being prepared} */
    default Optional<MaskedForward> forward() {
        return Optional.empty();
    }

    /** {@return calibration sentences; present only when the user gave a corpus for data-driven strategies} */
    default Optional<CalibrationText> calibration() {
        return Optional.empty();
    }

    /** {@return where to report progress of long preparations} */
    default ProgressListener progress() {
        return ProgressListener.NONE;
    }

    /** {@return the capabilities this context offers} */
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
