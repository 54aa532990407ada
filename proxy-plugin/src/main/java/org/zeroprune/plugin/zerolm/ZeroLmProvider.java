package org.zeroprune.plugin.zerolm;

import java.util.List;
import org.zeroprune.plugin.spectral.SpectralStatistic;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;

/**
 * {@code zerolm}: the data-free, training-free ZeroLM proxy.
 *
 * <p>Definitions. The capacity {@code C(W)} of an {@code m × n} matrix with singular values
 * {@code σ₁ ≥ … ≥ σ_r}, {@code r = min(m, n)}, is by default the mean squared singular value
 * {@code Σσᵢ²/r = ‖W‖²_F/r} (option {@code statistic}; see {@link SpectralStatistic}). Under a mask,
 * {@code W} is replaced by its kept rows and columns ({@code m'}, {@code n'}, {@code r = min(m',
 * n')}); a matrix left with no row or no column has capacity 0. Only rank-2 weights count, not
 * biases or LayerNorm parameters. {@code S_attn} sums {@code C} over the matrices of every
 * layer's attention module, {@code S_ffn} over those of every FFN module, and
 * {@code score = α·S_attn + (1 − α)·S_ffn}, α possibly outside [0, 1].
 *
 * <p>α is fixed ({@code alpha}) or selected on the grid [−1.5, 1.5] step 0.05 by benchmark sampling
 * (maximal Kendall τ-b with labelled qualities) or self-parameter correlation (maximal Spearman ρ
 * with sampled candidates' parameter counts); see {@link AlphaSelection}.
 */
public final class ZeroLmProvider implements ScoringStrategyProvider {
    /** The strategy's name. */
    public static final String NAME = "zerolm";

    /** Needed by {@link java.util.ServiceLoader}. */
    public ZeroLmProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "ZeroLM: data-free capacity of the masked attention and FFN matrices (mean squared singular value by "
                + "default), balanced by alpha";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.ofDouble(ZeroLmSettings.ALPHA, 0.5,
                        "balance: score = alpha*S_attn + (1-alpha)*S_ffn; only with alpha-selection=fixed, in [-10, 10]"),
                OptionSpec.ofChoice(ZeroLmSettings.ALPHA_SELECTION, "self-parameter-correlation",
                        "how alpha is chosen: fixed, benchmark-sampling (max Kendall tau-b with labelled qualities) "
                                + "or self-parameter-correlation (max Spearman rho with sampled parameter counts)",
                        AlphaSelection.optionNames()),
                OptionSpec.ofChoice(ZeroLmSettings.STATISTIC, "frobenius",
                        "capacity of one masked matrix from its singular values (frobenius = mean squared singular "
                                + "value, the fast default)",
                        SpectralStatistic.optionNames()),
                OptionSpec.ofInt(ZeroLmSettings.SAMPLE_SIZE, 100,
                        "candidates drawn for self-parameter-correlation; most labelled samples used for "
                                + "benchmark-sampling; in [2, 1000000]"),
                OptionSpec.ofLong(ZeroLmSettings.SEED, 0, "seed of the alpha selection, mixed with the job's seed"),
                OptionSpec.ofInt(ZeroLmSettings.CACHE_SIZE, 20_000,
                        "module capacities cached by a spectral statistic; 0 disables the cache"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        return new ZeroLmStrategy(ZeroLmSettings.from(options));
    }
}
