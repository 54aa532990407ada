package org.zeroprune.plugin.zerolm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.plugin.fixture.BruteForceCapacity;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.mask.PruningMask;

/** The fast masked scores equal the definition computed by brute force (full SVD), per statistic. */
class ZeroLmBruteForceTest {
    private static final int MODELS = 25;
    private static final int MASKS_PER_MODEL = 6;
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"frobenius", "mean-singular-value", "effective-rank", "stable-rank", "nuclear-norm",
            "spectral-norm"})
    void fastScoreEqualsBruteForce(String statistic) {
        SplittableRandom random = new SplittableRandom(statistic.hashCode());
        RandomModels models = new RandomModels(random, 1.0);
        RandomMasks masks = new RandomMasks(random);
        int checked = 0;
        int emptyModules = 0;
        for (int m = 0; m < MODELS; m++) {
            FixtureModel model = models.mixed("model-" + m, 1 + random.nextInt(4));
            FixtureContext context = FixtureContext.of(model, 7);
            CandidateScorer attentionOnly = scorer(model, context, statistic, "1");
            CandidateScorer ffnOnly = scorer(model, context, statistic, "0");
            CandidateScorer mixed = scorer(model, context, statistic, "-0.35");
            List<PruningMask> list = new ArrayList<>();
            list.add(PruningMask.dense(model));
            for (int i = 0; i < MASKS_PER_MODEL; i++) {
                list.add(masks.mask(model));
            }
            for (PruningMask mask : list) {
                double[] expected = BruteForceCapacity.capacities(model, mask, statistic);
                String what = statistic + " " + model.name() + " " + mask;
                assertClose(expected[0], attentionOnly.score(mask), what + " S_attn");
                assertClose(expected[1], ffnOnly.score(mask), what + " S_ffn");
                assertClose(-0.35 * expected[0] + 1.35 * expected[1], mixed.score(mask), what + " score");
                // twice: the second call may come from the cache and must agree
                assertClose(expected[0], attentionOnly.score(mask), what + " S_attn again");
                checked++;
                for (int l = 0; l < mask.layerCount(); l++) {
                    if (mask.heads(l).isEmpty() && mask.heads(l).size() > 0 || mask.neurons(l).isEmpty()) {
                        emptyModules++;
                    }
                }
            }
        }
        assertTrue(checked >= 100, "checked " + checked + " masks");
        assertTrue(emptyModules > 0, "no mask emptied a module");
    }

    private static CandidateScorer scorer(FixtureModel model, FixtureContext context, String statistic, String alpha) {
        return Strategies.create("zerolm", Map.of("statistic", statistic, "alpha-selection", "fixed", "alpha", alpha))
                .prepare(model, context);
    }

    private static void assertClose(double expected, double actual, String what) {
        double tolerance = TOLERANCE * Math.max(Math.abs(expected), 1e-9);
        assertEquals(expected, actual, tolerance, what);
    }
}
