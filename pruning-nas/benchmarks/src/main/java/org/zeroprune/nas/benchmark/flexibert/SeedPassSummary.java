package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;

/**
 * One pass over the benchmark for one run seed.
 *
 * @param seed the run seed
 * @param alphaSampleIds ids of the architectures in the α sample (the labelled samples)
 * @param strategies labels of the strategies scored in this pass
 * @param buildSeconds time spent building weights, summed over the architectures
 * @param wallSeconds wall-clock time of the pass (all strategies, all threads)
 */
public record SeedPassSummary(long seed, List<Integer> alphaSampleIds, List<String> strategies, double buildSeconds,
        double wallSeconds) {

    /** Copies the lists. */
    public SeedPassSummary {
        alphaSampleIds = List.copyOf(alphaSampleIds);
        strategies = List.copyOf(strategies);
    }
}
