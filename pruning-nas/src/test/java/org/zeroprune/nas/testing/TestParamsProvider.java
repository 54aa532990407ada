package org.zeroprune.nas.testing;

import java.util.List;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;

/** A class-path strategy for the framework's own tests: the kept parameter count, times a factor. */
public final class TestParamsProvider implements ScoringStrategyProvider {
    @Override
    public String name() {
        return "test-params";
    }

    @Override
    public String description() {
        return "kept parameters times a factor (tests only)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.ofDouble("factor", 1.0, "multiplies the score"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        double factor = options.getDouble("factor");
        return (model, context) -> mask -> factor * context.costModel().params(mask);
    }
}
