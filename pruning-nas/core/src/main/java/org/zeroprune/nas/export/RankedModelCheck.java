package org.zeroprune.nas.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.model.LoadedModel;

/**
 * Checks that the model an export applies a ranking's masks to holds the weights the ranking was made
 * from: same shapes are not enough, since a checkpoint replaced at the same path by another of the same
 * architecture would take the old masks silently. The ranking's {@code modelHash} is compared with
 * the model's {@link LoadedModel#contentHash()}.
 */
final class RankedModelCheck {
    /** The command-line option that accepts a changed model. */
    static final String OVERRIDE = "--allow-model-change";

    private RankedModelCheck() {
    }

    /**
     * Nothing when the hashes agree; a warning when the ranking records none (written before it did) or
     * when they differ and {@code allowChange} accepts that.
     *
     * @throws ConfigException naming both hashes, the file and what to do when they differ and the change
     *     is not accepted
     */
    static Optional<String> check(Path rankingFile, JsonNode ranking, LoadedModel dense, boolean allowChange) {
        JsonNode recorded = ranking.path("modelHash");
        if (!recorded.isTextual() || recorded.asText().isBlank()) {
            return Optional.of(rankingFile + " records no modelHash (written by an older zeroprune): it cannot be checked"
                    + " that " + dense.description() + " holds the weights the ranking was made from");
        }
        String actual = dense.contentHash();
        if (recorded.asText().equals(actual)) {
            return Optional.empty();
        }
        String change = rankingFile + " was made from a model with modelHash " + recorded.asText() + ", but "
                + dense.description() + " now hashes to " + actual + ": its weights or config.json changed since the prune";
        if (allowChange) {
            return Optional.of(change + "; the ranked masks are applied to the new weights as " + OVERRIDE + " asks");
        }
        throw new ConfigException(change + ", and the ranked masks would be applied to other weights: run prune again"
                + " on it, or pass " + OVERRIDE + " to export these masks anyway");
    }
}
