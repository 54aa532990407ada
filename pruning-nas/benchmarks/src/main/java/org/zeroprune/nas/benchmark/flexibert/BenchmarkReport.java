package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;

/**
 * Everything a benchmark run found.
 *
 * @param data the benchmark file
 * @param architectures number of architectures scored per pass
 * @param settings the run's settings
 * @param strategies one outcome per strategy, in lineup order
 * @param passes one summary per run seed
 * @param wallSeconds wall-clock time of the whole run
 */
public record BenchmarkReport(String data, int architectures, BenchmarkSettings settings,
        List<StrategyOutcome> strategies, List<SeedPassSummary> passes, double wallSeconds) {

    /** Published Kendall τ of ZeroLM on this benchmark (Chen et al. 2025). */
    public static final double PAPER_ZEROLM_TAU = 0.53;
    /** Published Spearman ρ of ZeroLM. */
    public static final double PAPER_ZEROLM_RHO = 0.76;
    /** Published Kendall τ of the number of layers (Serianni and Kalita 2023). */
    public static final double PAPER_LAYERS_TAU = 0.68;
    /** Published Spearman ρ of the number of layers. */
    public static final double PAPER_LAYERS_RHO = 0.83;

    /** Copies the lists. */
    public BenchmarkReport {
        strategies = List.copyOf(strategies);
        passes = List.copyOf(passes);
    }
}
