package org.zeroprune.plugin.zerolm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.SampledCandidate;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/** α selection finds a planted α, repeats for a seed, memoises per source, and fails clearly. */
class AlphaSelectionTest {
    private static final int SAMPLES = 200;

    /** A benchmark record: its model is rebuilt from a seed on every call, as a benchmark would. */
    private static final class Architecture implements LabelledSample {
        private final long seed;
        private final double quality;
        private final AtomicInteger builds;

        Architecture(long seed, double quality, AtomicInteger builds) {
            this.seed = seed;
            this.quality = quality;
            this.builds = builds;
        }

        static FixtureModel build(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return new RandomModels(random, 0.5 + random.nextDouble()).mixed("arch-" + seed, 1 + random.nextInt(4));
        }

        @Override
        public ModelView model() {
            builds.incrementAndGet();
            return build(seed);
        }

        @Override
        public PruningMask mask() {
            return PruningMask.dense(build(seed));
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public double quality() {
            return quality;
        }
    }

    private static double[] capacities(ModelView model, PruningMask mask) {
        FixtureContext context = FixtureContext.of(model, 0);
        double a = fixed(model, context, "1").score(mask);
        double f = fixed(model, context, "0").score(mask);
        return new double[] {a, f};
    }

    private static CandidateScorer fixed(ModelView model, FixtureContext context, String alpha) {
        return Strategies.create("zerolm", Map.of("alpha-selection", "fixed", "alpha", alpha)).prepare(model, context);
    }

    private static List<LabelledSample> benchmark(AtomicInteger builds) {
        List<LabelledSample> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            FixtureModel model = Architecture.build(i);
            double[] c = capacities(model, PruningMask.dense(model));
            // a monotone function of the planted combination 0.8 S_attn + 0.2 S_ffn
            samples.add(new Architecture(i, Math.atan(0.8 * c[0] + 0.2 * c[1]), builds));
        }
        return List.copyOf(samples);
    }

    @Test
    void benchmarkSamplingFindsThePlantedAlphaOnceAndRepeats() {
        AtomicInteger builds = new AtomicInteger();
        List<LabelledSample> samples = benchmark(builds);
        FixtureModel prepared = Architecture.build(10_000);
        FixtureContext context = FixtureContext.of(prepared, 3).withSamples(samples);
        Map<String, String> options = Map.of("alpha-selection", "benchmark-sampling", "sample-size", "1000");
        ScoringStrategy strategy = Strategies.create("zerolm", options);
        assertEquals(Set.of(Capability.LABELLED_SAMPLES), strategy.requirements());

        builds.set(0);
        CandidateScorer first = strategy.prepare(prepared, context);
        assertEquals(SAMPLES, builds.get(), "each sample's model is read exactly once");
        Map<String, Object> details = first.details();
        double alpha = (Double) details.get("alpha");
        assertEquals(0.8, alpha, 0.05, details.toString());
        assertEquals(1.0, (Double) details.get("selection-kendall-tau"), 1e-12, details.toString());
        assertEquals(SAMPLES, details.get("selection-samples"));

        // the same list again: memoised, no model is rebuilt
        CandidateScorer second = strategy.prepare(Architecture.build(10_001), context);
        assertEquals(SAMPLES, builds.get());
        assertEquals(alpha, second.details().get("alpha"));

        // a fresh strategy with the same seeds selects the same alpha
        CandidateScorer again = Strategies.create("zerolm", options).prepare(prepared, context);
        assertEquals(alpha, again.details().get("alpha"));
    }

    @Test
    void benchmarkSamplingUsesAtMostSampleSizeSamplesAndTheSeed() {
        List<LabelledSample> samples = benchmark(new AtomicInteger());
        FixtureModel prepared = Architecture.build(10_000);
        Map<String, String> options = Map.of("alpha-selection", "benchmark-sampling", "sample-size", "40");
        FixtureContext context = FixtureContext.of(prepared, 3).withSamples(samples);
        Map<String, Object> a = Strategies.create("zerolm", options).prepare(prepared, context).details();
        Map<String, Object> b = Strategies.create("zerolm", options).prepare(prepared, context).details();
        assertEquals(40, a.get("selection-samples"));
        assertEquals(a, b, "same seed, same subset, same alpha");
        assertEquals(0.8, (Double) a.get("alpha"), 0.1);
    }

    @Test
    void selfParameterCorrelationFindsThePlantedAlpha() {
        SplittableRandom random = new SplittableRandom(5);
        FixtureModel model = new RandomModels(random, 1.0).mixed("pruned", 4);
        AtomicInteger draws = new AtomicInteger();
        // candidates over the prepared model; their "parameter count" follows 0.3 S_attn + 0.7 S_ffn
        CandidateSampler sampler = rng -> {
            draws.incrementAndGet();
            PruningMask mask = new RandomMasks(new SplittableRandom(rng.nextLong())).mask(model);
            double[] c = capacities(model, mask);
            long params = Math.round(1e9 * Math.log1p(0.3 * c[0] + 0.7 * c[1]));
            return new SampledCandidate() {
                @Override
                public ModelView model() {
                    return model;
                }

                @Override
                public PruningMask mask() {
                    return mask;
                }

                @Override
                public long parameterCount() {
                    return params;
                }
            };
        };
        FixtureContext context = FixtureContext.of(model, 11).withSampler(sampler);
        Map<String, String> options = Map.of("sample-size", "300");
        ScoringStrategy strategy = Strategies.create("zerolm", options);
        assertEquals(Set.of(Capability.CANDIDATE_SAMPLER), strategy.requirements());
        Map<String, Object> details = strategy.prepare(model, context).details();
        assertEquals("self-parameter-correlation", details.get("alpha-selection"));
        assertEquals(0.3, (Double) details.get("alpha"), 0.05, details.toString());
        assertTrue((Double) details.get("selection-spearman-rho") > 0.999, details.toString());
        assertEquals(300, draws.get());

        strategy.prepare(model, context);
        assertEquals(300, draws.get(), "memoised per sampler");
        Map<String, Object> repeat = Strategies.create("zerolm", options).prepare(model, context).details();
        assertEquals(details.get("alpha"), repeat.get("alpha"), "same seed, same alpha");
        assertEquals(600, draws.get());
    }

    @Test
    void missingInputsFailClearly() {
        FixtureModel model = Architecture.build(1);
        FixtureContext bare = FixtureContext.of(model, 0);
        ScoringException noSamples = assertThrows(ScoringException.class,
                () -> Strategies.create("zerolm", Map.of("alpha-selection", "benchmark-sampling")).prepare(model, bare));
        assertTrue(noSamples.getMessage().contains("labelled samples"), noSamples.getMessage());
        ScoringException noSampler = assertThrows(ScoringException.class,
                () -> Strategies.create("zerolm", Map.of()).prepare(model, bare));
        assertTrue(noSampler.getMessage().contains("sampler"), noSampler.getMessage());
        assertEquals(Set.of(), Strategies.create("zerolm", Map.of("alpha-selection", "fixed")).requirements());
    }
}
