package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RerankPlanTest {
    @Test
    void theRerankTriesTheCandidatesFromTheExportRankOnAsFarAsTheRankingGoes() {
        RerankPlan full = RerankPlan.of(5, 2, 10, true);
        assertEquals(2, full.first());
        assertEquals(5, full.count());
        assertEquals(Optional.empty(), full.warning());
        assertEquals("Reconstructing the candidates ranked 2 to 6 to rerank them", full.progress());

        // it used to print "Reconstructing the 5 best" while it reconstructed two
        RerankPlan shortened = RerankPlan.of(5, 9, 10, true);
        assertEquals(2, shortened.count());
        assertEquals("Reconstructing the candidates ranked 9 to 10 to rerank them", shortened.progress());
        assertTrue(shortened.warning().orElseThrow().endsWith("but the ranking ends at rank 10: only ranks 9 to 10 were"
                + " reconstructed"), shortened.warning().get());
    }

    @Test
    void aRerankWithNothingToCompareSaysSo() {
        RerankPlan last = RerankPlan.of(5, 10, 10, true);
        assertEquals(1, last.count());
        assertTrue(last.warning().orElseThrow().contains("rank 10 was exported without a rerank"), last.warning().get());
        RerankPlan none = RerankPlan.of(3, 1, 10, false);
        assertEquals(1, none.count());
        assertTrue(none.warning().orElseThrow().contains("this export reconstructs nothing"), none.warning().get());
        assertEquals(Optional.empty(), RerankPlan.of(1, 4, 10, true).warning());
    }
}
