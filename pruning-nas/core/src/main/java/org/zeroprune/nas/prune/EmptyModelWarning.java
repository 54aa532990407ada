package org.zeroprune.nas.prune;

import java.util.Optional;
import org.zeroprune.spi.mask.PruningMask;

/**
 * A warning for a chosen candidate that keeps no attention head and no FFN neuron anywhere: its
 * output is the embeddings passed through LayerNorms, which is almost never what a user wants, and
 * comes from a budget far below what a working model needs.
 */
final class EmptyModelWarning {
    private EmptyModelWarning() {
    }

    /** The warning, if {@code mask} keeps no unit in any layer; {@code budget} as the summary gives it. */
    static Optional<String> of(PruningMask mask, String budget) {
        for (int l = 0; l < mask.layerCount(); l++) {
            if (mask.heads(l).count() > 0 || mask.neurons(l).count() > 0) {
                return Optional.empty();
            }
        }
        return Optional.of("the chosen model keeps no attention head and no FFN neuron in any layer (budget "
                + budget + "): its output is the token embeddings through LayerNorm alone; give a larger"
                + " budget, or search.min-heads / search.min-neurons");
    }
}
