package org.zeroprune.plugin.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Candidates scored per second by {@code zerolm} on a BERT-base-shaped model (12 layers, 12 heads
 * of 64, hidden 768, FFN 3072, weights N(0, 0.02²)), single-threaded, masks drawn in advance.
 *
 * <ul>
 *   <li>{@link #frobenius}: the default statistic over a pool of {@code pool} masks (4096 do not fit
 *       in the CPU caches, so reading the masks' words from memory counts; 64 do); {@code layout}
 *       {@code aligned-blocks} keeps random head subsets and FFN neurons in word-aligned blocks of
 *       64 with a random keep ratio per layer (the framework's default search granularity);
 *       {@code per-neuron} keeps each neuron independently at the layer's ratio (unaligned).
 *   <li>{@link #stableRank}: a spectral statistic over a pool of 8 per-neuron masks; {@code
 *       cache} {@code warm} scores every mask once in setup so that all module capacities are
 *       cached; {@code cold} disables the cache ({@code cache-size=0}), so every call
 *       decomposes every masked matrix.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ScoringBenchmark {
    private static final int LAYERS = 12;
    private static final int HIDDEN = 768;
    private static final int HEADS = 12;
    private static final int FFN = 3072;
    private static final int BLOCK = 64;

    /** The default statistic. */
    @State(Scope.Benchmark)
    public static class FrobeniusState {
        /** How FFN neurons are kept. */
        @Param({"aligned-blocks", "per-neuron"})
        public String layout;

        /**
         * Masks in the pool, a power of two: 4096 (≈20 MB: each mask's words come from memory) or 64
         * (≈300 kB: cache-resident, like a mask a search has just built).
         */
        @Param({"4096", "64"})
        public int pool;

        PruningMask[] masks;
        CandidateScorer scorer;
        int next;

        /** Builds the model, the scorer and the mask pool. */
        @Setup(Level.Trial)
        public void setUp() {
            FixtureModel model = bertBase();
            scorer = Strategies.create("zerolm", Map.of("alpha-selection", "fixed", "alpha", "0.5"))
                    .prepare(model, FixtureContext.of(model, 0));
            masks = masks(pool, layout.equals("aligned-blocks"), new SplittableRandom(1));
        }
    }

    /** A spectral statistic, with the module cache warm or disabled. */
    @State(Scope.Benchmark)
    public static class StableRankState {
        /** Whether module capacities come from a warm cache or are computed every time. */
        @Param({"warm", "cold"})
        public String cache;

        PruningMask[] masks;
        CandidateScorer scorer;
        int next;

        /** Builds the model, the scorer and 8 masks; warms the cache when asked. */
        @Setup(Level.Trial)
        public void setUp() {
            FixtureModel model = bertBase();
            String size = cache.equals("warm") ? "20000" : "0";
            scorer = Strategies.create("zerolm",
                    Map.of("alpha-selection", "fixed", "alpha", "0.5", "statistic", "stable-rank", "cache-size", size))
                    .prepare(model, FixtureContext.of(model, 0));
            masks = masks(8, false, new SplittableRandom(2));
            if (cache.equals("warm")) {
                for (PruningMask mask : masks) {
                    scorer.score(mask);
                }
            }
        }
    }

    /** Scores the next mask of the pool with the default statistic. */
    @Benchmark
    public double frobenius(FrobeniusState state) {
        PruningMask mask = state.masks[state.next];
        state.next = (state.next + 1) & (state.masks.length - 1);
        return state.scorer.score(mask);
    }

    /** Scores the next mask of the pool with {@code stable-rank}. */
    @Benchmark
    public double stableRank(StableRankState state) {
        PruningMask mask = state.masks[state.next];
        state.next = (state.next + 1) & (state.masks.length - 1);
        return state.scorer.score(mask);
    }

    static FixtureModel bertBase() {
        return new RandomModels(new SplittableRandom(2025), 0.02).bert("bert-base", LAYERS, HIDDEN, HEADS, FFN);
    }

    /**
     * {@code count} masks (a power of two). Per layer: each head kept with probability 1/2 (at
     * least one), and a keep ratio ρ ~ U(0.1, 1) of the FFN: with {@code aligned}, round(ρ·48)
     * random blocks of 64 neurons; otherwise each neuron kept with probability ρ.
     */
    static PruningMask[] masks(int count, boolean aligned, SplittableRandom random) {
        PruningMask[] out = new PruningMask[count];
        for (int i = 0; i < count; i++) {
            List<UnitSet> heads = new ArrayList<>();
            List<UnitSet> neurons = new ArrayList<>();
            for (int l = 0; l < LAYERS; l++) {
                BitSet h = new BitSet();
                for (int k = 0; k < HEADS; k++) {
                    if (random.nextBoolean()) {
                        h.set(k);
                    }
                }
                if (h.isEmpty()) {
                    h.set(random.nextInt(HEADS));
                }
                heads.add(UnitSet.of(HEADS, h));
                double ratio = 0.1 + 0.9 * random.nextDouble();
                BitSet n = new BitSet();
                if (aligned) {
                    int blocks = FFN / BLOCK;
                    int keep = (int) Math.round(ratio * blocks);
                    for (int b : random.ints(0, blocks).distinct().limit(keep).toArray()) {
                        n.set(b * BLOCK, (b + 1) * BLOCK);
                    }
                } else {
                    for (int k = 0; k < FFN; k++) {
                        if (random.nextDouble() < ratio) {
                            n.set(k);
                        }
                    }
                }
                neurons.add(UnitSet.of(FFN, n));
            }
            out[i] = PruningMask.of(heads, neurons);
        }
        return out;
    }
}
