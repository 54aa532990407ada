package org.zeroprune.plugin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grid values and the deterministic tie-break. */
class AlphaGridTest {

    @Test
    void gridHas61ValuesWithoutDrift() {
        assertEquals(61, AlphaGrid.MAX_INDEX - AlphaGrid.MIN_INDEX + 1);
        assertEquals(-1.5, AlphaGrid.alpha(AlphaGrid.MIN_INDEX));
        assertEquals(1.5, AlphaGrid.alpha(AlphaGrid.MAX_INDEX));
        assertEquals(0.5, AlphaGrid.alpha(10));
        assertEquals(0.35, AlphaGrid.alpha(7), 1e-15);
    }

    @Test
    void flatCorrelationPicksHalf() {
        // attention = ffn: every alpha gives the same scores, the same correlation
        double[] a = {1, 2, 3, 4};
        AlphaGrid.Selection s = AlphaGrid.select(a, a, new double[] {1, 3, 2, 4}, RankCorrelation.KENDALL_TAU_B);
        assertEquals(0.5, s.alpha());
        assertFalse(s.degenerate());
    }

    @Test
    void plateauBelowHalfPicksItsUpperEnd() {
        // Two candidates, the second better. score2 - score1 = -alpha + (1 - alpha) d, positive iff
        // alpha < d / (1 + d) = 0.225 with d = 0.225 / 0.775: tau = 1 on alpha <= 0.2, -1 above.
        double d = 0.225 / 0.775;
        AlphaGrid.Selection s = AlphaGrid.select(new double[] {1, 0}, new double[] {0, d}, new double[] {0, 1},
                RankCorrelation.KENDALL_TAU_B);
        assertEquals(0.2, s.alpha(), 1e-12);
        assertEquals(1.0, s.correlation());
    }

    @Test
    void constantTargetIsDegenerate() {
        AlphaGrid.Selection s = AlphaGrid.select(new double[] {1, 2}, new double[] {2, 1}, new double[] {3, 3},
                RankCorrelation.SPEARMAN_RHO);
        assertTrue(s.degenerate());
        assertEquals(0.5, s.alpha());
        assertTrue(Double.isNaN(s.correlation()));
    }

    @Test
    void undefinedValuesAreNeverChosen() {
        // attention = -ffn: at alpha = 0.5 every score is 0 (NaN correlation); below 0.5 the scores
        // follow ffn (tau 1), above they follow attention (tau -1): the best defined value is 0.45.
        AlphaGrid.Selection s = AlphaGrid.select(new double[] {-1, -2, -3}, new double[] {1, 2, 3},
                new double[] {1, 2, 3}, RankCorrelation.KENDALL_TAU_B);
        assertEquals(0.45, s.alpha(), 1e-12);
        assertEquals(1.0, s.correlation());
    }
}
