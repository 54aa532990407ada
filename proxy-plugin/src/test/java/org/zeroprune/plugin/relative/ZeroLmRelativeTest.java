package org.zeroprune.plugin.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.spi.testkit.fixture.BruteForce;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.Monotonicity;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightView;

/**
 * {@code zerolm-relative} against its definition on materialised masked matrices, over BERT and
 * the FlexiBERT layer kinds (cuts on both axes, units of different sizes, modules without units).
 */
class ZeroLmRelativeTest {

    @ParameterizedTest
    @CsvSource({"matrix, 0.5", "module, 0.5", "matrix, 0.0", "module, 1.0", "matrix, 0.3"})
    void fastScoreEqualsTheDefinitionOnMaterialisedMatrices(String granularity, double alpha) {
        SplittableRandom random = new SplittableRandom(31);
        RandomMasks masks = new RandomMasks(random);
        for (int m = 0; m < 4; m++) {
            FixtureModel model = new RandomModels(random, 1.0).mixed("mixed-" + m, 3);
            CandidateScorer scorer = prepare(model, granularity, alpha);
            for (int i = 0; i < 25; i++) {
                PruningMask mask = masks.mask(model);
                assertEquals(definition(model, mask, granularity, alpha), scorer.score(mask), 1e-12, mask.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix", "module"})
    void denseScoresOneAndRemovingAUnitNeverRaisesTheScore(String granularity) {
        SplittableRandom random = new SplittableRandom(7);
        RandomMasks masks = new RandomMasks(random);
        for (int m = 0; m < 3; m++) {
            FixtureModel model = new RandomModels(random, 1.0).mixed("monotone-" + m, 3);
            CandidateScorer scorer = prepare(model, granularity, 0.5);
            assertEquals(1.0, scorer.score(PruningMask.dense(model)));
            for (int i = 0; i < 20; i++) {
                PruningMask mask = masks.mask(model);
                double before = scorer.score(mask);
                assertTrue(before >= 0.0 && before <= 1.0 + 1e-12, "score " + before);
                Monotonicity.assertRemovingAnyUnitNeverRaises(scorer, model, mask);
            }
        }
    }

    @Test
    void unitImportanceIsWhatRemovingTheUnitAloneCosts() {
        FixtureModel model = new RandomModels(new SplittableRandom(3), 1.0).mixed("importance", 4);
        CandidateScorer scorer = prepare(model, "matrix", 0.7);
        UnitImportance importance = scorer.unitImportance().orElseThrow();
        PruningMask dense = PruningMask.dense(model);
        for (int l = 0; l < model.layerCount(); l++) {
            UnitSet heads = dense.heads(l);
            for (int h = 0; h < heads.size(); h++) {
                assertEquals(1.0 - scorer.score(dense.withHeads(l, heads.without(h))), importance.heads()[l][h], 1e-12);
            }
            UnitSet neurons = dense.neurons(l);
            for (int j = 0; j < neurons.size(); j++) {
                assertEquals(1.0 - scorer.score(dense.withNeurons(l, neurons.without(j))), importance.neurons()[l][j],
                        1e-12);
            }
        }
    }

    @Test
    void validatesItsOptionsAndReportsThem() {
        for (String alpha : new String[] {"-0.1", "1.5"}) {
            assertThrows(InvalidOptionException.class, () -> Strategies.create("zerolm-relative", Map.of("alpha", alpha)));
        }
        assertThrows(InvalidOptionException.class,
                () -> Strategies.create("zerolm-relative", Map.of("granularity", "layer")));
        FixtureModel model = new RandomModels(new SplittableRandom(1), 1.0).bert("bert", 2, 8, 2, 6);
        assertEquals(Map.of("alpha", 0.5, "granularity", "matrix", "layers", 2), prepare(model, "matrix", 0.5).details());
    }

    private static CandidateScorer prepare(ModelView model, String granularity, double alpha) {
        return Strategies.create("zerolm-relative", Map.of("granularity", granularity, "alpha", Double.toString(alpha)))
                .prepare(model, FixtureContext.of(model, 0));
    }

    /** {@code α·mean_l share(attention) + (1 − α)·mean_l share(ffn)} from materialised masked matrices. */
    private static double definition(ModelView model, PruningMask mask, String granularity, double alpha) {
        double attention = 0;
        double ffn = 0;
        for (int l = 0; l < model.layerCount(); l++) {
            attention += share(model.layer(l).attention(), mask.heads(l), granularity);
            ffn += share(model.layer(l).ffn(), mask.neurons(l), granularity);
        }
        return (alpha * attention + (1 - alpha) * ffn) / model.layerCount();
    }

    private static double share(ModuleView module, UnitSet kept, String granularity) {
        double ratios = 0;
        int matrices = 0;
        double keptCapacity = 0;
        double denseCapacity = 0;
        for (WeightView w : module.matrices()) {
            double dense = squares(BruteForce.masked(w, UnitSet.all(kept.size())));
            if (dense == 0) {
                continue;
            }
            double keptSquares = squares(BruteForce.masked(w, kept));
            int rank = Math.min(w.rows(), w.cols());
            ratios += keptSquares / dense;
            matrices++;
            keptCapacity += keptSquares / rank;
            denseCapacity += dense / rank;
        }
        if (matrices == 0) {
            return 1.0;
        }
        return granularity.equals("matrix") ? ratios / matrices : keptCapacity / denseCapacity;
    }

    private static double squares(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
