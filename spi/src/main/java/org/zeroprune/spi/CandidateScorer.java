package org.zeroprune.spi;

import java.util.Map;
import java.util.Optional;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores pruning candidates of one prepared model. Higher is better.
 *
 * <p>Implementations must be thread-safe and should be cheap: the expensive work belongs in
 * {@link ScoringStrategy#prepare}. A scorer must not copy weight matrices per candidate.
 *
 * <p>A scorer belongs to the model and the context it was prepared with, and lives as long as the
 * framework holds it (one search, one evaluation, one benchmark architecture). It may cache
 * per-candidate work keyed by content ({@link PruningMask} and its unit sets are values with
 * {@code equals}), bounded in size; never by the mask's identity, since equal masks are built afresh.
 * The framework may score equal masks more than once, from any thread and in any order, and relies
 * on getting the same score each time: a run's ranking must not depend on threads or cache state.
 * A score that is NaN or infinite fails the run, naming the strategy and the candidate.
 */
@FunctionalInterface
public interface CandidateScorer {

    /**
     * The score of one candidate; higher means the candidate is expected to be better.
     *
     * @param mask the kept heads and neurons; its layer and unit counts match the prepared model
     * @return a finite number; the same for equal masks
     */
    double score(PruningMask mask);

    /**
     * What the scorer decided while it was prepared (for example a selected balance α), for
     * reports. Values are strings, finite numbers or booleans; the framework refuses anything else
     * (an object, a list, null, NaN), naming the strategy and the entry.
     *
     * @return the decisions by name; empty by default
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /**
     * Importance of each unit on its own, if the strategy has such a notion (weight statistics,
     * Fisher information). Empty by default.
     *
     * @return the per-unit importance, or empty
     */
    default Optional<UnitImportance> unitImportance() {
        return Optional.empty();
    }
}
