package org.zeroprune.strategies.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zeroprune.spi.testkit.fixture.BertFixture;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.Monotonicity;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/** {@code perturbation}: the fast score equals its definition, and removing units only lowers it. */
class PerturbationTest {
    private static final BertFixture BERT = BertFixture.random(new SplittableRandom(4), 0.4, 1.0, 12, 8, 3, 12, 3, 10);

    @ParameterizedTest
    @CsvSource({"1.0, true", "1.0, false", "0.3, true", "0.0, false"})
    void fastScoreEqualsTheDefinitionComputedDirectly(double rho, boolean dilution) {
        CandidateScorer scorer = prepare(BERT, rho, dilution);
        PerturbationDefinition.Energies definition = PerturbationDefinition.energies(BERT, rho);
        RandomMasks masks = new RandomMasks(new SplittableRandom(6));
        for (int i = 0; i < 20; i++) {
            PruningMask mask = masks.mask(BERT);
            double expected = definition.score(mask, dilution);
            assertEquals(expected, scorer.score(mask), 1e-7 * Math.max(1e-3, Math.abs(expected)), mask.toString());
        }
    }

    @Test
    void denseScoresZeroAndRemovingAUnitNeverRaisesTheScore() {
        for (ModelView model : new ModelView[] {BERT, new RandomModels(new SplittableRandom(8), 0.5).bert("plain", 2, 8, 2, 70)}) {
            CandidateScorer scorer = prepare(model, 1.0, true);
            assertEquals(0.0, scorer.score(PruningMask.dense(model)));
            RandomMasks masks = new RandomMasks(new SplittableRandom(9));
            for (int i = 0; i < 30; i++) {
                PruningMask mask = masks.mask(model);
                double before = scorer.score(mask);
                assertTrue(before <= 0.0);
                Monotonicity.assertRemovingAnyUnitNeverRaises(scorer, model, mask);
            }
        }
    }

    @Test
    void unitImportanceIsWhatRemovingTheUnitAloneCosts() {
        CandidateScorer scorer = prepare(BERT, 1.0, true);
        UnitImportance importance = scorer.unitImportance().orElseThrow();
        PruningMask dense = PruningMask.dense(BERT);
        for (int l = 0; l < BERT.layerCount(); l++) {
            for (int h = 0; h < 3; h++) {
                double cost = -scorer.score(dense.withHeads(l, dense.heads(l).without(h)));
                assertEquals(cost, importance.heads()[l][h], 1e-15);
                assertTrue(cost > 0);
            }
            for (int j = 0; j < 10; j++) {
                assertEquals(-scorer.score(dense.withNeurons(l, dense.neurons(l).without(j))), importance.neurons()[l][j],
                        1e-15);
            }
        }
    }

    @Test
    void laterModulesWeighMoreWithDilution() {
        Map<String, Object> details = prepare(BERT, 1.0, true).details();
        String[] weights = ((String) details.get("depth-weights")).split(" ");
        assertEquals(6, weights.length);
        assertEquals(1.0, Double.parseDouble(weights[5]));
        for (int m = 1; m < weights.length; m++) {
            assertTrue(Double.parseDouble(weights[m - 1]) < Double.parseDouble(weights[m]));
        }
        assertEquals(0, details.get("inputs-assumed-standard-normal"));
    }

    @Test
    void aModelWithoutTheEmbeddingsLayerNormTakesLayerZerosInputAsStandardNormal() {
        ModelView plain = new RandomModels(new SplittableRandom(8), 0.5).bert("plain", 2, 8, 2, 7);
        assertEquals(1, prepare(plain, 1.0, true).details().get("inputs-assumed-standard-normal"));
    }

    @Test
    void refusesAnAttendedVarianceOutsideTheUnitInterval() {
        for (String value : new String[] {"-0.1", "1.1"}) {
            assertThrows(InvalidOptionException.class,
                    () -> Strategies.create("perturbation", Map.of("attended-variance", value)));
        }
    }

    @Test
    void refusesModulesThatAreNotBertSelfAttentionOrASingleFeedForward() {
        RandomModels models = new RandomModels(new SplittableRandom(1), 0.5);
        Map<String, FixtureModel.Layer> unsupported = Map.of(
                "layer 0 attention (convolution)",
                new FixtureModel.Layer(0, models.convolution(0, 8, 2, 2, 3), models.feedForward(0, 8, 5, 1)),
                "layer 0 attention (weighted-attention)",
                new FixtureModel.Layer(0, models.selfAttention(0, 8, 2, 4, true), models.feedForward(0, 8, 5, 1)),
                "layer 0 ffn (feed-forward) has a FFN_HIDDEN matrix",
                new FixtureModel.Layer(0, models.selfAttention(0, 8, 2, 4, false), models.feedForward(0, 8, 5, 3)));
        unsupported.forEach((where, layer) -> {
            ModelView model = new FixtureModel("unsupported", 8, List.of(layer));
            ScoringException e = assertThrows(ScoringException.class, () -> prepare(model, 1.0, true));
            assertTrue(e.getMessage().contains(where) && e.getMessage().contains("supports BERT self-attention"),
                    e.getMessage());
        });
    }

    @Test
    void modulesWithoutUnitsHaveNothingToRemove() {
        RandomModels models = new RandomModels(new SplittableRandom(1), 0.5);
        ModelView model = new FixtureModel("empty", 8, List.of(
                new FixtureModel.Layer(0, models.selfAttention(0, 8, 0, 4, false), models.feedForward(0, 8, 6, 1)),
                new FixtureModel.Layer(1, models.linearTransform(1, 8), models.feedForward(1, 8, 0, 1))));
        CandidateScorer scorer = prepare(model, 1.0, true);
        assertEquals(0.0, scorer.score(PruningMask.dense(model)));
        assertEquals(0, scorer.unitImportance().orElseThrow().heads()[1].length);
    }

    private static CandidateScorer prepare(ModelView model, double rho, boolean dilution) {
        return Strategies.create("perturbation", Map.of("attended-variance", Double.toString(rho), "dilution",
                Boolean.toString(dilution))).prepare(model, FixtureContext.of(model, 0));
    }
}
