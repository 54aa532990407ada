package org.zeroprune.nas.benchmark.flexibert.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The variants' α grid settles ties like the ZeroLM plugin: closest to 0.5, then the smaller α. */
class AlphaGridFitTest {

    @Test
    void everyAlphaTiedPicksOneHalf() {
        // A = F: every α gives the same scores, hence the same τ
        double[] parts = {1, 2, 3, 4, 5};
        double[] fit = AlphaGridFit.fit(parts, parts, new double[] {1, 3, 2, 5, 4});
        assertEquals(0.5, fit[0], 0.0);
    }

    @Test
    void tiesOnOneSideOfOneHalfPickTheClosest() {
        // scores α·A + (1 − α)·F with F = 0 rank like A for every α > 0 and reversed for α < 0; α = 0
        // is constant (τ undefined): all positive α tie at τ = 1
        double[] attention = {1, 2, 3, 4};
        double[] ffn = {0, 0, 0, 0};
        double[] fit = AlphaGridFit.fit(attention, ffn, new double[] {10, 20, 30, 40});
        assertEquals(0.5, fit[0], 0.0);
        assertEquals(1.0, fit[1], 1e-12);
        double[] reversed = AlphaGridFit.fit(attention, ffn, new double[] {40, 30, 20, 10});
        assertEquals(-0.05, reversed[0], 0.0, "among the negative α, the one closest to 0.5");
    }

    @Test
    void aConstantScoreEverywhereFails() {
        double[] zero = {0, 0, 0};
        assertThrows(IllegalStateException.class, () -> AlphaGridFit.fit(zero, zero, new double[] {1, 2, 3}));
    }
}
