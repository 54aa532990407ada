package org.zeroprune.strategies.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.BruteForce;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;

/** Registration and behaviour of the baselines. */
class BaselinesTest {
    private final SplittableRandom random = new SplittableRandom(42);
    private final FixtureModel model = new RandomModels(random, 1.0).mixed("baseline", 4);
    private final FixtureContext context = FixtureContext.of(model, 9);
    private final List<PruningMask> masks = masks();

    private List<PruningMask> masks() {
        RandomMasks generator = new RandomMasks(random);
        List<PruningMask> list = new ArrayList<>();
        list.add(PruningMask.dense(model));
        for (int i = 0; i < 40; i++) {
            list.add(generator.mask(model));
        }
        return list;
    }

    private CandidateScorer scorer(String name, Map<String, String> options, FixtureContext ctx) {
        return Strategies.create(name, options).prepare(model, ctx);
    }

    @Test
    void everyProviderIsRegisteredOnceWithDescriptionAndValidDefaults() {
        Set<String> names = new HashSet<>();
        for (ScoringStrategyProvider p : ServiceLoader.load(ScoringStrategyProvider.class)) {
            assertTrue(names.add(p.name()), "duplicate " + p.name());
            assertTrue(p.name().matches("[a-z0-9-]+"), p.name());
            assertFalse(p.description().isBlank());
            assertFalse(p.description().contains("\n"));
            p.create(StrategyOptions.defaults(p.name(), p.options()));
        }
        assertEquals(Set.of("params", "flops", "magnitude", "random", "fisher", "perturbation", "synthetic-fidelity"),
                names, "the strategies that ship with the framework");
    }

    @Test
    void paramsAndFlopsAreTheCostModel() {
        CandidateScorer params = scorer("params", Map.of(), context);
        CandidateScorer flops = scorer("flops", Map.of(), context);
        for (PruningMask mask : masks) {
            assertEquals(context.costModel().params(mask), params.score(mask));
            assertEquals(context.costModel().macs(mask), flops.score(mask));
        }
        assertThrows(InvalidOptionException.class, () -> Strategies.create("params", Map.of("seed", "1")));
    }

    @Test
    void magnitudeEqualsBruteForceAndItsImportanceIsWhatAUnitDeletes() {
        CandidateScorer magnitude = scorer("magnitude", Map.of(), context);
        for (PruningMask mask : masks) {
            double expected = BruteForce.magnitude(model, mask);
            assertEquals(expected, magnitude.score(mask), 1e-9 * expected, mask.toString());
        }
        UnitImportance importance = magnitude.unitImportance().orElseThrow();
        PruningMask dense = PruningMask.dense(model);
        double full = BruteForce.magnitude(model, dense);
        for (int l = 0; l < model.layerCount(); l++) {
            for (int h = 0; h < importance.heads()[l].length; h++) {
                double lost = full - BruteForce.magnitude(model, dense.withHeads(l, dense.heads(l).without(h)));
                assertEquals(lost, importance.heads()[l][h], 1e-9 * full);
            }
            int n = importance.neurons()[l].length - 1;
            if (n >= 0) {
                double lost = full - BruteForce.magnitude(model, dense.withNeurons(l, dense.neurons(l).without(n)));
                assertEquals(lost, importance.neurons()[l][n], 1e-9 * full);
            }
        }
    }

    @Test
    void everyBaselineIsDeterministic() {
        for (String name : List.of("params", "flops", "magnitude", "random")) {
            CandidateScorer a = scorer(name, Map.of(), context);
            CandidateScorer b = scorer(name, Map.of(), context);
            for (PruningMask mask : masks) {
                assertEquals(a.score(mask), b.score(mask), name);
                assertEquals(a.score(mask), a.score(mask), name);
            }
        }
    }

    @Test
    void randomRepeatsForASeedAndDiffersForAnother() {
        CandidateScorer a = scorer("random", Map.of("seed", "5"), context);
        CandidateScorer same = scorer("random", Map.of("seed", "5"), context);
        CandidateScorer otherOption = scorer("random", Map.of("seed", "6"), context);
        CandidateScorer otherContext = scorer("random", Map.of("seed", "5"), context.withSeed(10));
        Set<Double> distinct = new HashSet<>();
        int differences = 0;
        for (PruningMask mask : masks) {
            double s = a.score(mask);
            assertTrue(s >= 0 && s < 1, "in [0, 1): " + s);
            assertEquals(s, same.score(mask));
            differences += s != otherOption.score(mask) ? 1 : 0;
            assertNotEquals(s, otherContext.score(mask));
            distinct.add(s);
        }
        assertEquals(masks.size(), differences);
        // distinct masks get distinct scores (a collision of 53-bit values is practically impossible)
        assertEquals(new HashSet<>(masks).size(), distinct.size());
    }
}
