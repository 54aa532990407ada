package org.zeroprune.plugin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kendall τ-b and Spearman ρ against values worked out by hand. */
class RankCorrelationTest {

    @Test
    void tiedExampleMatchesHandComputation() {
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 3, 2, 2};
        // Pairs (i, j): (1,2) C, (1,3) C, (1,4) C, (2,3) tied in x only, (2,4) D, (3,4) tied in y only.
        // C = 3, D = 1, n0 = 6, n1 = 1 (x ties), n2 = 1 (y ties):
        // tau-b = (3 - 1) / sqrt((6 - 1)(6 - 1)) = 2/5.
        assertEquals(0.4, RankCorrelation.KENDALL_TAU_B.of(x, y), 1e-12);
        // Average ranks: x -> 1, 2.5, 2.5, 4; y -> 1, 4, 2.5, 2.5; both have mean 2.5.
        // Deviations: dx = -1.5, 0, 0, 1.5; dy = -1.5, 1.5, 0, 0.
        // rho = sum(dx dy) / sqrt(sum dx^2 sum dy^2) = 2.25 / sqrt(4.5 * 4.5) = 0.5.
        assertEquals(0.5, RankCorrelation.SPEARMAN_RHO.of(x, y), 1e-12);
    }

    @Test
    void tiesInBothSamplesOnTheSamePair() {
        double[] x = {1, 1, 2, 3, 3};
        double[] y = {2, 2, 1, 4, 3};
        // Pairs: (1,2) tied in both; (1,3) D; (1,4) C; (1,5) C; (2,3) D; (2,4) C; (2,5) C; (3,4) C; (3,5) C;
        // (4,5) tied in x only. C = 6, D = 2, n0 = 10, n1 = 2 (pairs (1,2), (4,5)), n2 = 1 (pair (1,2)).
        // tau-b = 4 / sqrt(8 * 9) = 4 / sqrt(72).
        assertEquals(4 / Math.sqrt(72), RankCorrelation.KENDALL_TAU_B.of(x, y), 1e-12);
        // Ranks x: 1.5, 1.5, 3, 4.5, 4.5; y: 2.5, 2.5, 1, 5, 4; means 3.
        // dx = -1.5, -1.5, 0, 1.5, 1.5; dy = -0.5, -0.5, -2, 2, 1.
        // sum dx dy = 0.75 + 0.75 + 0 + 3 + 1.5 = 6; sum dx^2 = 9; sum dy^2 = 0.25 + 0.25 + 4 + 4 + 1 = 9.5.
        assertEquals(6 / Math.sqrt(9 * 9.5), RankCorrelation.SPEARMAN_RHO.of(x, y), 1e-12);
    }

    @Test
    void untiedExample() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 1, 4, 3, 5};
        // Two discordant pairs (1,2) and (3,4) of ten: tau = (8 - 2) / 10.
        assertEquals(0.6, RankCorrelation.KENDALL_TAU_B.of(x, y), 1e-12);
        // d = -1, 1, -1, 1, 0: rho = 1 - 6 * 4 / (5 * 24) = 0.8.
        assertEquals(0.8, RankCorrelation.SPEARMAN_RHO.of(x, y), 1e-12);
    }

    @Test
    void undefinedIsNaN() {
        for (RankCorrelation c : RankCorrelation.values()) {
            assertTrue(Double.isNaN(c.of(new double[] {1, 1, 1}, new double[] {1, 2, 3})), c + " constant x");
            assertTrue(Double.isNaN(c.of(new double[] {1, 2, 3}, new double[] {4, 4, 4})), c + " constant y");
            assertTrue(Double.isNaN(c.of(new double[] {1}, new double[] {2})), c + " one observation");
            assertThrows(IllegalArgumentException.class, () -> c.of(new double[] {1, 2}, new double[] {1}));
        }
    }
}
