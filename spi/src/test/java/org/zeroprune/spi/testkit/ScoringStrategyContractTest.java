package org.zeroprune.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * The contract catches what it promises to: each strategy below breaks one promise of the SPI
 * (registered in the SPI's own test resources), and the contract's test for that promise fails on
 * it, while its other tests pass.
 */
class ScoringStrategyContractTest {

    /**
     * The broken strategies below are registered under {@code broken-strategies/}, not in this
     * module's {@code META-INF/services}: a test class path that holds these test classes (a plugin
     * author's, through the test-jar) must not find them.
     */
    private static final ClassLoader BROKEN_REGISTRATIONS = new URLClassLoader(
            new URL[] {ScoringStrategyContractTest.class.getClassLoader().getResource("broken-strategies/")},
            ScoringStrategyContractTest.class.getClassLoader());

    private static ScoringStrategyContract contractOf(String name) {
        return new ScoringStrategyContract() {
            @Override
            protected String strategyName() {
                return name;
            }

            @Override
            protected ClassLoader registrations() {
                return BROKEN_REGISTRATIONS;
            }
        };
    }

    @Test
    void equalMasksWithUnequalScoresFail() {
        ScoringStrategyContract contract = contractOf("kit-unstable");
        contract.isRegisteredOnceWithANameADescriptionAndThisSpiVersion();
        contract.defaultOptionsValidateAndCreateAStrategy();
        assertThrows(AssertionError.class, contract::equalMasksGiveEqualFiniteScores);
    }

    @Test
    void aScoreThatIsNotFiniteFails() {
        assertThrows(AssertionError.class, contractOf("kit-not-finite")::equalMasksGiveEqualFiniteScores);
    }

    @Test
    void aScorerThatIsNotThreadSafeFails() throws Exception {
        ScoringStrategyContract contract = contractOf("kit-racy");
        contract.equalMasksGiveEqualFiniteScores();
        assertThrows(AssertionError.class, contract::aScorerScoresFromSeveralThreadsAsItDoesAlone);
    }

    @Test
    void usingAnUndeclaredCapabilityFails() {
        ScoringStrategyContract contract = contractOf("kit-undeclared");
        assertThrows(NoSuchElementException.class, contract::theDeclaredRequirementsAreEnoughAndEachIsNeeded);
    }

    @Test
    void aMissingRequirementMustBeAScoringException() {
        ScoringStrategyContract contract = contractOf("kit-unexplained");
        contract.equalMasksGiveEqualFiniteScores();
        assertThrows(AssertionError.class, contract::theDeclaredRequirementsAreEnoughAndEachIsNeeded);
    }

    @Test
    void anUnregisteredNameFails() {
        assertThrows(AssertionError.class, contractOf("kit-nowhere")::isRegisteredOnceWithANameADescriptionAndThisSpiVersion);
    }

    /** Shared parts: a name, no options, this SPI. */
    abstract static class Broken implements ScoringStrategyProvider {
        private final String name;

        Broken(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public String description() {
            return "breaks the contract (tests only)";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }
    }

    /** Counts its calls into the score, so equal masks get different scores. */
    public static final class Unstable extends Broken {
        /** Registered as {@code kit-unstable}. */
        public Unstable() {
            super("kit-unstable");
        }

        @Override
        public ScoringStrategy create(StrategyOptions options) {
            AtomicLong calls = new AtomicLong();
            return (model, context) -> mask -> mask.keptHeads() + calls.incrementAndGet();
        }
    }

    /** Scores through one scratch field without a lock, so concurrent calls see each other's work. */
    public static final class Racy extends Broken {
        /** Registered as {@code kit-racy}. */
        public Racy() {
            super("kit-racy");
        }

        @Override
        public ScoringStrategy create(StrategyOptions options) {
            return (model, context) -> new CandidateScorer() {
                private final AtomicInteger inside = new AtomicInteger();

                @Override
                public double score(PruningMask mask) {
                    // stands for shared scratch state: a second caller inside at the same time corrupts it
                    int others = inside.getAndIncrement();
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return mask.keptNeurons() + others;
                }
            };
        }
    }

    /** Uses the forward pass without declaring {@link Capability#FORWARD_PASS}. */
    public static final class Undeclared extends Broken {
        /** Registered as {@code kit-undeclared}. */
        public Undeclared() {
            super("kit-undeclared");
        }

        @Override
        public ScoringStrategy create(StrategyOptions options) {
            return (model, context) -> {
                int vocabulary = context.forward().orElseThrow().vocabularySize();
                return mask -> vocabulary + mask.keptHeads();
            };
        }
    }

    /** Declares a forward pass but, without one, fails with an exception that is not a ScoringException. */
    public static final class Unexplained extends Broken {
        /** Registered as {@code kit-unexplained}. */
        public Unexplained() {
            super("kit-unexplained");
        }

        @Override
        public ScoringStrategy create(StrategyOptions options) {
            return new ScoringStrategy() {
                @Override
                public CandidateScorer prepare(ModelView model, ScoringContext context) {
                    int vocabulary = context.forward().orElseThrow().vocabularySize();
                    return mask -> vocabulary + mask.keptHeads();
                }

                @Override
                public Set<Capability> requirements() {
                    return Set.of(Capability.FORWARD_PASS);
                }
            };
        }
    }

    /** Gives NaN to every candidate but the dense one. */
    public static final class NotFinite extends Broken {
        /** Registered as {@code kit-not-finite}. */
        public NotFinite() {
            super("kit-not-finite");
        }

        @Override
        public ScoringStrategy create(StrategyOptions options) {
            return (model, context) -> {
                PruningMask dense = PruningMask.dense(model);
                return mask -> mask.equals(dense) ? 1.0 : Double.NaN;
            };
        }
    }
}
