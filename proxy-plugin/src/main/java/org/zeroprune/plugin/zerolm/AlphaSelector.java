package org.zeroprune.plugin.zerolm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.zeroprune.plugin.stats.AlphaGrid;
import org.zeroprune.plugin.stats.RankCorrelation;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.SampledCandidate;
import org.zeroprune.spi.context.ScoringContext;

/**
 * Runs the α selections of {@link AlphaSelection} on the {@link AlphaGrid}.
 *
 * <ul>
 *   <li>benchmark sampling: the context's labelled samples, all of them when there are at most
 *       {@code sample-size}, else a seeded uniform subset of {@code sample-size}; target: quality;
 *       correlation: Kendall's τ-b;
 *   <li>self-parameter correlation: {@code sample-size} candidates drawn from the context's sampler
 *       with a {@link SplittableRandom} of the combined seed; target: parameter count; correlation:
 *       Spearman's ρ.
 * </ul>
 */
final class AlphaSelector {
    private final ZeroLmSettings settings;
    private final SampleCapacities capacities;
    private final ScoringContext context;

    AlphaSelector(ZeroLmSettings settings, SampleCapacities capacities, ScoringContext context) {
        this.settings = settings;
        this.capacities = capacities;
        this.context = context;
    }

    /** Selects α with a generator seeded by {@code seed}. */
    AlphaChoice select(long seed) {
        return switch (settings.selection()) {
            case FIXED -> AlphaChoice.fixed(settings.alpha());
            case BENCHMARK_SAMPLING -> benchmarkSampling(seed);
            case SELF_PARAMETER_CORRELATION -> selfParameterCorrelation(seed);
        };
    }

    private AlphaChoice benchmarkSampling(long seed) {
        List<LabelledSample> samples = requireSamples(context);
        int[] chosen = subset(samples.size(), settings.sampleSize(), new SplittableRandom(seed));
        int n = chosen.length;
        double[] attention = new double[n];
        double[] ffn = new double[n];
        double[] quality = new double[n];
        for (int i = 0; i < n; i++) {
            quality[i] = samples.get(chosen[i]).quality();
            if (!Double.isFinite(quality[i])) {
                throw new ScoringException("zerolm: labelled sample " + chosen[i] + " has quality " + quality[i]);
            }
        }
        try (ProgressTask task = context.progress().start("zerolm: alpha from labelled samples", n)) {
            inParallel(n, i -> {
                capacities.evaluate(samples.get(chosen[i]), "labelled sample " + chosen[i], attention, ffn, i);
                task.step();
            });
        }
        return choose(attention, ffn, quality, RankCorrelation.KENDALL_TAU_B);
    }

    private AlphaChoice selfParameterCorrelation(long seed) {
        CandidateSampler sampler = requireSampler(context);
        SplittableRandom random = new SplittableRandom(seed);
        int n = settings.sampleSize();
        double[] attention = new double[n];
        double[] ffn = new double[n];
        double[] params = new double[n];
        // drawn in order from the one generator, then evaluated in any order
        SampledCandidate[] candidates = new SampledCandidate[n];
        for (int i = 0; i < n; i++) {
            candidates[i] = sampler.sample(random);
            params[i] = candidates[i].parameterCount();
        }
        try (ProgressTask task = context.progress().start("zerolm: alpha from sampled candidates", n)) {
            inParallel(n, i -> {
                capacities.evaluate(candidates[i], "sampled candidate " + i, attention, ffn, i);
                candidates[i] = null; // its model may be large; let it go
                task.step();
            });
        }
        return choose(attention, ffn, params, RankCorrelation.SPEARMAN_RHO);
    }

    /**
     * Runs {@code body(i)} for every {@code i} in {@code [0, n)} on the common fork-join pool: each
     * sample writes only its own slots, so the outcome does not depend on the order. A caller that
     * holds the selection memo's lock (other threads waiting for α) keeps every core busy this way.
     */
    private static void inParallel(int n, IntConsumer body) {
        IntStream.range(0, n).parallel().forEach(body);
    }

    private static AlphaChoice choose(double[] attention, double[] ffn, double[] target, RankCorrelation correlation) {
        AlphaGrid.Selection s = AlphaGrid.select(attention, ffn, target, correlation);
        return new AlphaChoice(s.alpha(), Optional.of(correlation), s.correlation(), target.length);
    }

    /** The labelled samples, or a clear failure when there are none. */
    static List<LabelledSample> requireSamples(ScoringContext context) {
        List<LabelledSample> samples = context.labelledSamples();
        if (samples == null || samples.isEmpty()) {
            throw new ScoringException("zerolm: alpha-selection=benchmark-sampling needs labelled samples (candidates "
                    + "with a measured quality), but the scoring context has none; provide them, or use "
                    + "alpha-selection=self-parameter-correlation or fixed");
        }
        return samples;
    }

    /** The sampler, or a clear failure when there is none. */
    static CandidateSampler requireSampler(ScoringContext context) {
        return context.sampler().orElseThrow(() -> new ScoringException(
                "zerolm: alpha-selection=self-parameter-correlation needs a candidate sampler over the search space, "
                        + "but the scoring context has none; use alpha-selection=fixed or benchmark-sampling"));
    }

    /** All of {@code [0, n)} when {@code n ≤ k}, else {@code k} of them chosen uniformly; sorted. */
    static int[] subset(int n, int k, SplittableRandom random) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        if (n <= k) {
            return index;
        }
        // partial Fisher-Yates: the first k positions end up a uniform k-subset
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = Arrays.copyOf(index, k);
        Arrays.sort(chosen);
        return chosen;
    }
}
