package org.zeroprune.plugin.baseline;

import java.util.List;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.context.CostModel;

/**
 * {@code flops}: score = the multiply-accumulates per token the candidate keeps, {@link
 * CostModel#macs}. No options.
 */
public final class FlopsProvider implements ScoringStrategyProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public FlopsProvider() {
    }

    @Override
    public String name() {
        return "flops";
    }

    @Override
    public String description() {
        return "Baseline: multiply-accumulates per token the candidate keeps";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        return (model, context) -> {
            CostModel cost = context.costModel();
            return mask -> cost.macs(mask);
        };
    }
}
