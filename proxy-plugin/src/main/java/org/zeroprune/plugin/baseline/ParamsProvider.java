package org.zeroprune.plugin.baseline;

import java.util.List;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.context.CostModel;

/**
 * {@code params}: score = the parameters the candidate keeps, {@link CostModel#params}. The
 * simplest proxy: bigger is assumed better. No options.
 */
public final class ParamsProvider implements ScoringStrategyProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public ParamsProvider() {
    }

    @Override
    public String name() {
        return "params";
    }

    @Override
    public String description() {
        return "Baseline: number of parameters the candidate keeps";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        return (model, context) -> {
            CostModel cost = context.costModel();
            return mask -> cost.params(mask);
        };
    }
}
