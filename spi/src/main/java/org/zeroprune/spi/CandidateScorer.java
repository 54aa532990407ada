package org.zeroprune.spi;

import java.util.Map;
import java.util.Optional;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores pruning candidates of one prepared model. Higher is better.
 *
 * <p>Implementations must be thread-safe and should be cheap: the expensive work belongs in
 * {@link ScoringStrategy#prepare}. A scorer must not copy weight matrices per candidate.
 */
@FunctionalInterface
public interface CandidateScorer {

    /**
     * The score of one candidate; higher means the candidate is expected to be better.
     *
     * @param mask the kept heads and neurons; its layer and unit counts match the prepared model
     * @return a finite number
     */
    double score(PruningMask mask);

    /**
     * What the scorer decided while it was prepared (for example a selected balance α), for
     * reports. Values are strings, numbers or booleans.
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /**
     * Importance of each unit on its own, if the strategy has such a notion (weight statistics,
     * Fisher information). Empty by default.
     */
    default Optional<UnitImportance> unitImportance() {
        return Optional.empty();
    }
}
