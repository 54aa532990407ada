package org.zeroprune.plugin.zerolm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;

/** Per-unit importance and details of the zerolm scorer. */
class ZeroLmImportanceTest {

    @Test
    void sharesSumToTheModuleWeightAndDetailsDescribeTheDenseModel() {
        FixtureModel model = new RandomModels(new SplittableRandom(3), 1.0).bert("bert", 3, 12, 3, 20);
        CandidateScorer scorer = Strategies.create("zerolm", Map.of("alpha-selection", "fixed", "alpha", "0.7"))
                .prepare(model, FixtureContext.of(model, 0));
        UnitImportance importance = scorer.unitImportance().orElseThrow();
        for (int l = 0; l < 3; l++) {
            assertEquals(3, importance.heads()[l].length);
            assertEquals(20, importance.neurons()[l].length);
            // in BERT each entry of a cut matrix belongs to exactly one unit: shares add up to 1
            assertEquals(0.7, sum(importance.heads()[l]), 1e-12);
            assertEquals(0.3, sum(importance.neurons()[l]), 1e-12);
        }
        Map<String, Object> details = scorer.details();
        assertEquals(0.7, details.get("alpha"));
        assertEquals("fixed", details.get("alpha-selection"));
        assertEquals("frobenius", details.get("statistic"));
        PruningMask dense = PruningMask.dense(model);
        double expected = 0.7 * (Double) details.get("S_attn") + 0.3 * (Double) details.get("S_ffn");
        assertEquals(expected, scorer.score(dense), 1e-12 * expected);
        assertTrue(!details.containsKey("selection-kendall-tau") && !details.containsKey("selection-spearman-rho"));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
