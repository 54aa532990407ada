package org.zeroprune.nas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;

/** The one way the framework runs a strategy: requirements, preparation, scores, and the messages of each failure. */
class ConfiguredStrategyTest {
    private static final ModelView MODEL = new ModelView() {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int hiddenSize() {
            return 4;
        }

        @Override
        public int layerCount() {
            return 1;
        }

        @Override
        public LayerView layer(int index) {
            throw new UnsupportedOperationException("no weights in this stub");
        }
    };
    private static final PruningMask MASK = PruningMask.of(List.of(UnitSet.all(2)), List.of(UnitSet.all(4)));
    private static final CostModel COSTS = new CostModel() {
        @Override
        public long macs(PruningMask mask) {
            return 1;
        }

        @Override
        public long params(PruningMask mask) {
            return 1;
        }

        @Override
        public long denseMacs() {
            return 1;
        }

        @Override
        public long denseParams() {
            return 1;
        }
    };
    private static final ContextOffer OFFER = new ContextOffer("this run",
            Map.of(Capability.CALIBRATION_TEXT, "set scoring.corpus"), "it offers a cost model");

    private static ScoringContext plain() {
        return RunScoringContext.builder(7, ProgressListener.NONE).build(COSTS);
    }

    private static ScoringStrategy needing(Capability capability, CandidateScorer scorer) {
        return new ScoringStrategy() {
            @Override
            public CandidateScorer prepare(ModelView model, ScoringContext context) {
                return scorer;
            }

            @Override
            public Set<Capability> requirements() {
                return Set.of(capability);
            }
        };
    }

    @Test
    void aMissingRequirementTheUserCanOfferIsAConfigurationErrorSayingHow() {
        ConfiguredStrategy s = ConfiguredStrategy.of("fisher", "jar", needing(Capability.CALIBRATION_TEXT, m -> 1));
        ConfigException e = assertThrows(ConfigException.class, () -> s.prepare(MODEL, plain(), OFFER));
        assertEquals("strategy 'fisher' is data-driven and needs calibration text, which this run does not offer:"
                + " set scoring.corpus", e.getMessage());
    }

    @Test
    void anotherMissingRequirementIsAPluginErrorWithTheNote() {
        ConfiguredStrategy s = ConfiguredStrategy.of("fwd", "jar", needing(Capability.FORWARD_PASS, m -> 1));
        PluginException e = assertThrows(PluginException.class, () -> s.prepare(MODEL, plain(), OFFER));
        assertEquals("strategy 'fwd' needs [FORWARD_PASS], which this run does not offer (it offers a cost model)",
                e.getMessage());
    }

    @Test
    void failuresWhilePreparingNameTheStrategySourceAndModel() {
        ConfiguredStrategy crashes = ConfiguredStrategy.of("crashes", "a.jar", (m, c) -> {
            throw new IllegalStateException("boom");
        });
        PluginException e = assertThrows(PluginException.class,
                () -> crashes.prepare(MODEL, plain(), OFFER, "architecture id 3 (seed 7)"));
        assertEquals("strategy 'crashes' (a.jar) failed while preparing architecture id 3 (seed 7):"
                + " java.lang.IllegalStateException: boom", e.getMessage());
        ConfiguredStrategy refuses = ConfiguredStrategy.of("refuses", "a.jar", (m, c) -> {
            throw new ScoringException("cannot score this model");
        });
        assertEquals("strategy 'refuses': cannot score this model",
                assertThrows(PluginException.class, () -> refuses.prepare(MODEL, plain(), OFFER)).getMessage());
        ConfiguredStrategy none = ConfiguredStrategy.of("none", "a.jar", (m, c) -> null);
        assertEquals("strategy 'none' (a.jar) returned no scorer",
                assertThrows(PluginException.class, () -> none.prepare(MODEL, plain(), OFFER)).getMessage());
    }

    @Test
    void aScoreThatIsNotFiniteFailsNamingStrategyAndCandidate() {
        PreparedStrategy nan = ConfiguredStrategy.of("nan", "a.jar", (m, c) -> mask -> Double.NaN)
                .prepare(MODEL, plain(), OFFER);
        assertEquals("strategy 'nan' (a.jar) returned NaN for candidate #4; expected a finite score",
                assertThrows(PluginException.class, () -> nan.score(MASK, () -> "candidate #4")).getMessage());
        PreparedStrategy throwing = ConfiguredStrategy.of("throws", "a.jar", (m, c) -> mask -> {
            throw new ArithmeticException("score exploded");
        }).prepare(MODEL, plain(), OFFER);
        PluginException e = assertThrows(PluginException.class, () -> throwing.score(MASK, () -> "candidate #4"));
        assertTrue(e.getMessage().startsWith("strategy 'throws' (a.jar) failed while scoring candidate #4: "
                + "java.lang.ArithmeticException: score exploded"), e.getMessage());
        PreparedStrategy fine = ConfiguredStrategy.of("fine", "a.jar", (m, c) -> mask -> 0.5).prepare(MODEL, plain(), OFFER);
        assertEquals(0.5, fine.score(MASK, () -> {
            throw new AssertionError("the candidate is named only on failure");
        }));
    }

    @Test
    void everyContextOfOneBuilderSharesTheSampleListAndSamplerInstances() {
        List<LabelledSample> samples = new ArrayList<>();
        samples.add(sample());
        CandidateSampler sampler = random -> {
            throw new UnsupportedOperationException();
        };
        RunScoringContext.Builder builder = RunScoringContext.builder(7, ProgressListener.NONE).labelledSamples(samples)
                .sampler(sampler);
        ScoringContext a = builder.build(COSTS);
        ScoringContext b = builder.build(COSTS);
        samples.clear();
        assertSame(a.labelledSamples(), b.labelledSamples());
        assertSame(a.labelledSamples(), a.labelledSamples());
        assertEquals(1, a.labelledSamples().size(), "copied once, when the builder was given it");
        assertSame(a.sampler().orElseThrow(), b.sampler().orElseThrow());
        assertEquals(Set.of(Capability.LABELLED_SAMPLES, Capability.CANDIDATE_SAMPLER), a.capabilities());
        assertThrows(UnsupportedOperationException.class, () -> a.labelledSamples().add(sample()));
    }

    private static LabelledSample sample() {
        return new LabelledSample() {
            @Override
            public double quality() {
                return 1;
            }

            @Override
            public ModelView model() {
                return MODEL;
            }

            @Override
            public PruningMask mask() {
                return MASK;
            }

            @Override
            public long parameterCount() {
                return 1;
            }
        };
    }
}
