package org.zeroprune.strategies.baseline;

import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.mask.PruningMask;

/** A baseline whose score is one of the context's costs of the candidate: bigger is assumed better. No options. */
abstract class CostBaselineProvider implements ScoringStrategyProvider {
    private final String name;
    private final String description;
    private final ToDoubleBiFunction<CostModel, PruningMask> cost;

    CostBaselineProvider(String name, String description, ToDoubleBiFunction<CostModel, PruningMask> cost) {
        this.name = name;
        this.description = description;
        this.cost = cost;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public final ScoringStrategy create(StrategyOptions options) {
        return (model, context) -> {
            CostModel costs = context.costModel();
            return mask -> cost.applyAsDouble(costs, mask);
        };
    }
}
