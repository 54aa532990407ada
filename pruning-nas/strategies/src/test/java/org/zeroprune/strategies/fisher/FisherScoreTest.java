package org.zeroprune.strategies.fisher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * The score is {@code -1/2} of the Fisher information of the removed units. The forward pass here
 * is a fixed table standing in for the model (the real one is exercised end to end in the
 * integration tests).
 */
class FisherScoreTest {
    private static final MaskFisher FISHER = new MaskFisher(new double[][] {{1, 2, 3}, {4, 5, 6}},
            new double[][] {{0.5, 0.25, 0.125, 1}, {2, 0, 0, 8}}, 7);

    @Test
    void scoreIsMinusHalfTheFisherInformationOfTheRemovedUnits() {
        int[][][] seen = new int[1][][];
        ScoringStrategy strategy = Strategies.create("fisher", Map.of("max-sentences", "2", "probes", "3"));
        assertEquals(Set.of(Capability.FORWARD_PASS, Capability.CALIBRATION_TEXT), strategy.requirements());
        CandidateScorer scorer = strategy.prepare(null, context(true, seen));
        assertEquals(2, seen[0].length, "max-sentences caps the calibration sentences");

        PruningMask dense = PruningMask.of(List.of(UnitSet.all(3), UnitSet.all(3)), List.of(UnitSet.all(4), UnitSet.all(4)));
        assertEquals(0.0, scorer.score(dense));
        PruningMask pruned = dense.withHeads(0, UnitSet.of(3, 1)).withNeurons(1, UnitSet.of(4, 0, 1));
        // removed: heads 0 and 2 of layer 0 (1 + 3), neurons 2 and 3 of layer 1 (0 + 8)
        assertEquals(-0.5 * (1 + 3 + 0 + 8), scorer.score(pruned), 1e-12);
        assertArrayEquals(FISHER.neurons()[1], scorer.unitImportance().orElseThrow().neurons()[1]);
        assertEquals(7, scorer.details().get("sequences"));
    }

    @Test
    void withoutCalibrationTextItSaysItIsDataDriven() {
        ScoringStrategy strategy = Strategies.create("fisher", Map.of());
        ScoringException e = assertThrows(ScoringException.class, () -> strategy.prepare(null, context(false, new int[1][][])));
        assertTrue(e.getMessage().contains("needs calibration text"), e.getMessage());
    }

    private static ScoringContext context(boolean withText, int[][][] seen) {
        MaskedForward forward = new MaskedForward() {
            @Override
            public int vocabularySize() {
                return 10;
            }

            @Override
            public SpecialTokens specialTokens() {
                return new SpecialTokens(1, 2, 0, 3, 4);
            }

            @Override
            public int maxSequenceLength() {
                return 8;
            }

            @Override
            public float[][] sentenceEmbeddings(PruningMask mask, int[][] tokenIds) {
                throw new UnsupportedOperationException();
            }

            @Override
            public MaskFisher maskFisher(int[][] tokenIds, int probes, long seed) {
                seen[0] = tokenIds;
                return FISHER;
            }
        };
        CalibrationText text = new CalibrationText() {
            @Override
            public List<String> sentences() {
                return List.of("a", "b", "c");
            }

            @Override
            public int[][] tokenIds() {
                return new int[][] {{1, 5, 2}, {1, 6, 2}, {1, 7, 2}};
            }
        };
        return new ScoringContext() {
            @Override
            public long seed() {
                return 1;
            }

            @Override
            public CostModel costModel() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<MaskedForward> forward() {
                return Optional.of(forward);
            }

            @Override
            public Optional<CalibrationText> calibration() {
                return withText ? Optional.of(text) : Optional.empty();
            }
        };
    }
}
