package org.zeroprune.strategies.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.FixtureWeight;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/** The token priors: the right probabilities, never a special id, never a zero embedding. */
class TokenPriorTest {
    private static final SpecialTokens SPECIALS = new SpecialTokens(2, 3, 0, 1, -1);

    @Test
    void embeddingPriorIsProportionalToTheNormToTheSharpness() {
        // id v has norm (v mod 4), so ids 4, 8, ... are zero rows
        int vocabulary = 24;
        float[] values = new float[vocabulary * 2];
        for (int v = 0; v < vocabulary; v++) {
            values[2 * v] = 0.6f * (v % 4);
            values[2 * v + 1] = 0.8f * (v % 4);
        }
        WeightView words = FixtureWeight.matrix("w", WeightRole.OTHER, vocabulary, 2, UnitCut.NONE, UnitCut.NONE, values);
        double sharpness = 1.5;
        TokenPrior prior = TokenPrior.embeddingNorms(words, vocabulary, SPECIALS, sharpness);
        double[] expected = new double[vocabulary];
        double total = 0;
        for (int v = 0; v < vocabulary; v++) {
            expected[v] = SPECIALS.isSpecial(v) ? 0 : Math.pow(v % 4, sharpness);
            total += expected[v];
        }
        int draws = 400_000;
        int[] counts = new int[vocabulary];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < draws; i++) {
            counts[prior.draw(random)]++;
        }
        for (int v = 0; v < vocabulary; v++) {
            double p = expected[v] / total;
            double tolerance = 5 * Math.sqrt(p * (1 - p) / draws) + 1e-12;
            assertEquals(p, counts[v] / (double) draws, tolerance, "id " + v);
            assertEquals(p > 0, prior.allows(v), "id " + v);
        }
        assertEquals(vocabulary - 6 - 3, prior.support(), "24 ids minus 6 zero rows minus ids 1, 2, 3");
    }

    @Test
    void uniformPriorSkipsSpecialTokensOnly() {
        TokenPrior prior = TokenPrior.uniform(10, SPECIALS);
        assertEquals(6, prior.support());
        assertEquals(6.0, prior.effectiveSize(), 1e-12);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            assertFalse(SPECIALS.isSpecial(prior.draw(random)));
        }
    }

    @Test
    void zeroSharpnessIsUniformAndAWrongShapeOrEmptySupportFails() {
        WeightView words = FixtureWeight.matrix("w", WeightRole.OTHER, 6, 1, UnitCut.NONE, UnitCut.NONE,
                new float[] {0, 0, 0, 0, 0, 0});
        assertEquals(2, TokenPrior.embeddingNorms(words, 6, SPECIALS, 0.0).support());
        ScoringException empty = assertThrows(ScoringException.class,
                () -> TokenPrior.embeddingNorms(words, 6, SPECIALS, 2.0));
        assertTrue(empty.getMessage().contains("no token"), empty.getMessage());
        ScoringException shape = assertThrows(ScoringException.class,
                () -> TokenPrior.embeddingNorms(words, 7, SPECIALS, 2.0));
        assertTrue(shape.getMessage().contains("6 rows"), shape.getMessage());
    }
}
