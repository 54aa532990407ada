package org.zeroprune.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.testkit.fixture.BertFixture;
import org.zeroprune.spi.testkit.fixture.ExactForward;
import org.zeroprune.spi.testkit.fixture.RandomMasks;

/**
 * What the SPI promises of every scoring strategy, as tests a plugin's own test class inherits:
 * <pre>{@code
 * class KeptHeadsContractTest extends ScoringStrategyContract {
 *     protected String strategyName() { return "kept-heads"; }
 * }
 * }</pre>
 * The strategy is found by its name through {@link ServiceLoader}, as the framework finds it, and
 * prepared on a small random BERT ({@link #model()}) with a context that offers exactly the
 * capabilities it declares in {@link ScoringStrategy#requirements()} ({@link KitContext}). Checked:
 * <ul>
 *   <li>the provider is registered once, with a valid name, a one-line description and this SPI's version;
 *   <li>the default options validate and create a strategy, and so do the subclass's {@link #options()};
 *   <li>equal masks, built afresh, give equal and finite scores, from one scorer and from a second
 *       preparation with the same seed;
 *   <li>a scorer scores from several threads at once exactly as it does alone, and one strategy
 *       instance prepares on several threads at once ({@link ScoringStrategy}, {@link CandidateScorer});
 *   <li>the declared requirements are enough (preparing sees nothing else), and without any one of
 *       them {@code prepare} fails with a {@link ScoringException} that says why.
 * </ul>
 * Override {@link #model()}, {@link #forward} or {@link #context} when the strategy needs another
 * model or a forward pass with gradients; the defaults need nothing but the JDK.
 */
public abstract class ScoringStrategyContract {
    private static final int THREADS = 4;
    private static final long SEED = 17;

    private ModelView model;
    private List<PruningMask> masks;

    /** The name the strategy is registered under. */
    protected abstract String strategyName();

    /** Options for the strategy under test, as text; none by default (every option at its default). */
    protected Map<String, String> options() {
        return Map.of();
    }

    /**
     * The model the strategy is prepared on: by default a random post-LayerNorm BERT with 2 layers,
     * hidden size 16, 4 heads, FFN width 24, a vocabulary of 64 and 16 positions, with its embeddings.
     */
    protected ModelView model() {
        return BertFixture.random(new SplittableRandom(5), 0.2, 1.0, 64, 16, 2, 16, 4, 24);
    }

    /**
     * The forward pass offered when the strategy requires {@link Capability#FORWARD_PASS}: by default
     * the exact test forward over a {@link BertFixture}, which has no gradients.
     */
    protected MaskedForward forward(ModelView model) {
        if (model instanceof BertFixture bert) {
            return new ExactForward(bert);
        }
        throw new IllegalStateException("the strategy needs a forward pass: override forward(ModelView) for "
                + model.getClass().getName());
    }

    /** The context the strategy is prepared with, offering {@code offered} and nothing else. */
    protected ScoringContext context(ModelView model, long seed, Set<Capability> offered) {
        return KitContext.of(model, seed, offered, this::forward);
    }

    /** How many random masks are scored besides the dense one. */
    protected int maskCount() {
        return 16;
    }

    /**
     * The class loader whose {@code META-INF/services} registrations are searched: the test's own
     * by default, which sees the plugin's main resources as the framework's plugin loader would.
     *
     * @return the class loader to search
     */
    protected ClassLoader registrations() {
        return Thread.currentThread().getContextClassLoader();
    }

    /** The provider registered under {@link #strategyName()}. */
    protected final ScoringStrategyProvider provider() {
        List<ScoringStrategyProvider> found = new ArrayList<>();
        for (ScoringStrategyProvider p : ServiceLoader.load(ScoringStrategyProvider.class, registrations())) {
            if (strategyName().equals(p.name())) {
                found.add(p);
            }
        }
        assertEquals(1, found.size(), "providers registered in META-INF/services/"
                + ScoringStrategyProvider.class.getName() + " under the name '" + strategyName() + "'");
        return found.get(0);
    }

    /** A new strategy with {@link #options()}. */
    protected final ScoringStrategy strategy() {
        ScoringStrategyProvider p = provider();
        return p.create(StrategyOptions.parse(p.name(), p.options(), options()));
    }

    @Test
    void isRegisteredOnceWithANameADescriptionAndThisSpiVersion() {
        ScoringStrategyProvider p = provider();
        assertTrue(p.name().matches("[a-z0-9][a-z0-9-]*"), "lower-case letters, digits and hyphens: " + p.name());
        assertNotNull(p.description());
        assertFalse(p.description().isBlank(), "a description");
        assertFalse(p.description().contains("\n"), "a one-line description");
        assertEquals(ScoringStrategyProvider.SPI_VERSION, p.spiVersion(), "spiVersion() returns SPI_VERSION");
    }

    @Test
    void defaultOptionsValidateAndCreateAStrategy() {
        ScoringStrategyProvider p = provider();
        Set<String> keys = new HashSet<>();
        for (OptionSpec spec : p.options()) {
            assertTrue(keys.add(spec.key()), "option '" + spec.key() + "' declared once");
            assertFalse(spec.description().isBlank(), "option '" + spec.key() + "' has a description");
        }
        assertNotNull(p.create(StrategyOptions.defaults(p.name(), p.options())), "create(defaults)");
        assertNotNull(strategy(), "create(options())");
    }

    @Test
    void equalMasksGiveEqualFiniteScores() {
        ScoringStrategy strategy = strategy();
        CandidateScorer scorer = prepare(strategy);
        double[] first = scoreAll(scorer, masks());
        for (int i = 0; i < first.length; i++) {
            assertTrue(Double.isFinite(first[i]), "finite score for " + masks().get(i) + ": " + first[i]);
        }
        assertScores(first, scoreAll(scorer, copies(masks())), "equal masks built afresh, same scorer");
        assertScores(first, scoreAll(prepare(strategy), masks()), "the same strategy prepared again, same seed");
        assertScores(first, scoreAll(prepare(strategy()), copies(masks())), "a new strategy, same options and seed");
    }

    @Test
    void aScorerScoresFromSeveralThreadsAsItDoesAlone() throws Exception {
        double[] alone = scoreAll(prepare(strategy()), masks());
        CandidateScorer shared = prepare(strategy());
        List<double[]> together = concurrently(thread -> {
            // every thread walks the masks from another start, so equal masks meet at different times
            List<PruningMask> list = masks();
            double[] out = new double[list.size()];
            for (int k = 0; k < list.size(); k++) {
                int i = (k + thread * list.size() / THREADS) % list.size();
                out[i] = shared.score(copy(list.get(i)));
            }
            return out;
        });
        for (double[] scores : together) {
            assertScores(alone, scores, "scored concurrently from " + THREADS + " threads");
        }
    }

    @Test
    void oneStrategyPreparesOnSeveralThreadsAtOnce() throws Exception {
        double[] alone = scoreAll(prepare(strategy()), masks());
        ScoringStrategy shared = strategy();
        for (double[] scores : concurrently(thread -> scoreAll(prepare(shared), masks()))) {
            assertScores(alone, scores, "prepared concurrently on one strategy instance");
        }
    }

    @Test
    void theDeclaredRequirementsAreEnoughAndEachIsNeeded() {
        ScoringStrategy strategy = strategy();
        Set<Capability> declared = strategy.requirements();
        assertEquals(declared, strategy().requirements(), "requirements() depend on the options alone");
        ScoringContext exact = context(modelOnce(), SEED, declared);
        assertEquals(declared, exact.capabilities(), "the kit's context offers what is declared");
        assertNotNull(strategy.prepare(modelOnce(), exact), "prepare with exactly the declared capabilities");
        for (Capability needed : declared) {
            Set<Capability> without = EnumSet.copyOf(declared);
            without.remove(needed);
            ScoringException e = assertThrows(ScoringException.class,
                    () -> strategy.prepare(modelOnce(), context(modelOnce(), SEED, without)),
                    "prepare without the declared " + needed + " fails with a ScoringException");
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "and says why");
        }
    }

    private CandidateScorer prepare(ScoringStrategy strategy) {
        return strategy.prepare(modelOnce(), context(modelOnce(), SEED, strategy.requirements()));
    }

    /** The dense mask and {@link #maskCount()} random ones over the model, the same on every call. */
    private List<PruningMask> masks() {
        if (masks == null) {
            RandomMasks random = new RandomMasks(new SplittableRandom(11));
            List<PruningMask> list = new ArrayList<>();
            list.add(PruningMask.dense(modelOnce()));
            for (int i = 0; i < maskCount(); i++) {
                list.add(random.mask(modelOnce()));
            }
            masks = List.copyOf(list);
        }
        return masks;
    }

    /** {@link #model()}, made once per test: preparations and masks share one instance, as in a run. */
    private ModelView modelOnce() {
        if (model == null) {
            model = model();
        }
        return model;
    }

    private static List<PruningMask> copies(List<PruningMask> masks) {
        return masks.stream().map(ScoringStrategyContract::copy).toList();
    }

    /** An equal mask made of new unit sets, as the framework builds one for every candidate. */
    private static PruningMask copy(PruningMask mask) {
        List<UnitSet> heads = new ArrayList<>();
        List<UnitSet> neurons = new ArrayList<>();
        for (int l = 0; l < mask.layerCount(); l++) {
            heads.add(UnitSet.of(mask.heads(l).size(), mask.heads(l).toArray()));
            neurons.add(UnitSet.of(mask.neurons(l).size(), mask.neurons(l).toArray()));
        }
        return PruningMask.of(heads, neurons);
    }

    private static double[] scoreAll(CandidateScorer scorer, List<PruningMask> masks) {
        double[] out = new double[masks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scorer.score(masks.get(i));
        }
        return out;
    }

    private static void assertScores(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], what + ": mask #" + i);
        }
    }

    private interface PerThread<T> {
        T run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@value #THREADS} threads released at once; their results in thread order. */
    private static <T> List<T> concurrently(PerThread<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<T> task = () -> {
                    start.await();
                    return work.run(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
