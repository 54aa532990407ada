package org.zeroprune.plugin.relative;

import java.util.List;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;

/**
 * {@code zerolm-relative}: ZeroLM's capacities relative to the dense model.
 *
 * <p>Definition. For every module, the share of its dense ZeroLM capacity that the candidate keeps
 * ({@link CapacityShare}: {@code C(W) = ‖W‖²_F / r} with the dense {@code r}, per matrix and
 * averaged, or per module); {@code S_attn} and {@code S_ffn} are these shares averaged over the
 * layers, and {@code score = α·S_attn + (1 − α)·S_ffn}, α the fixed option {@code alpha} in
 * [0, 1]. The dense model scores 1, the score lies in [0, 1] and never grows when a unit is
 * removed. Averaging rather than summing over layers only divides by the layer count.
 *
 * <p>Cost: {@code prepare} reads every matrix once; a candidate costs one pass over the 64-bit
 * words of each unit set per matrix and touches no weight.
 */
public final class ZeroLmRelativeProvider implements ScoringStrategyProvider {
    static final String ALPHA = "alpha";
    static final String GRANULARITY = "granularity";

    /** Needed by {@link java.util.ServiceLoader}. */
    public ZeroLmRelativeProvider() {
    }

    @Override
    public String name() {
        return "zerolm-relative";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "Data-free, weight-only: share of the dense ZeroLM capacity the candidate keeps, per module, averaged over "
                + "layers, balanced by alpha";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.ofDouble(ALPHA, 0.5, "balance: score = alpha*S_attn + (1-alpha)*S_ffn, in [0, 1]"),
                OptionSpec.ofChoice(GRANULARITY, Granularity.MATRIX.optionName(),
                        "matrix: mean over a module's matrices of ||W_kept||^2/||W||^2; module: kept over dense "
                                + "capacity of the whole module",
                        Granularity.optionNames()));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        // outside [0, 1] one module would count negatively and removing its units would raise the score
        options.requireRange(ALPHA, 0.0, 1.0);
        double alpha = options.getDouble(ALPHA);
        Granularity granularity = Granularity.fromOptionName(options.getString(GRANULARITY));
        return (model, context) -> new RelativeScorer(model, alpha, granularity);
    }
}
