package org.zeroprune.nas.prune;

import java.util.Optional;

/**
 * Which candidates {@code reconstruct.rerank} reconstructs: the {@code count} ranked from the export rank on
 * ({@code output.export-rank} K and rerank R: ranks K to K+R-1), as many as the ranking holds from there.
 * A rerank that cannot do what was asked (nothing to compare, or fewer candidates than asked) says so.
 *
 * @param first the first rank tried: the export rank
 * @param count how many are tried; below 2 there is no rerank
 * @param warning what differs from what was asked, if anything
 */
record RerankPlan(int first, int count, Optional<String> warning) {

    /**
     * The plan.
     *
     * @param asked {@code reconstruct.rerank}
     * @param exportRank the export rank (within the ranking)
     * @param ranked how many candidates the ranking holds
     * @param reconstructs whether the export reconstructs the cut and validation sequences can be generated (else
     *     there is nothing to compare)
     */
    static RerankPlan of(int asked, int exportRank, int ranked, boolean reconstructs) {
        if (asked < 2) {
            return new RerankPlan(exportRank, 1, Optional.empty());
        }
        String what = "reconstruct.rerank is " + asked + " (ranks " + exportRank + " to " + (exportRank + asked - 1)
                + ", from output.export-rank " + exportRank + ")";
        if (!reconstructs) {
            return new RerankPlan(exportRank, 1, Optional.of(what + ", but this export reconstructs nothing (reconstruct"
                    + ".level none), or the model has no tokenizer to generate its validation sequences: rank " + exportRank
                    + " was exported as ranked"));
        }
        int count = Math.min(asked, ranked - exportRank + 1);
        if (count < 2) {
            return new RerankPlan(exportRank, 1, Optional.of(what + ", but the ranking ends at rank " + ranked
                    + ": rank " + exportRank + " was exported without a rerank"));
        }
        return new RerankPlan(exportRank, count, count == asked ? Optional.empty() : Optional.of(what
                + ", but the ranking ends at rank " + ranked + ": only ranks " + exportRank + " to " + ranked
                + " were reconstructed"));
    }

    /** What the progress line says while the candidates are reconstructed. */
    String progress() {
        return "Reconstructing the candidates ranked " + first + " to " + (first + count - 1) + " to rerank them";
    }
}
