package org.zeroprune.nas.plugin;

import java.util.List;
import java.util.Map;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;

/**
 * A scoring strategy provider and where it was found.
 *
 * @param provider the provider instance
 * @param source the jar or directory it was loaded from, for messages and {@code strategies}
 */
public record RegisteredStrategy(ScoringStrategyProvider provider, String source) {

    /** The strategy's unique name. */
    public String name() {
        return provider.name();
    }

    /**
     * Parses {@code options} against the provider's declarations and creates the strategy. Option
     * errors keep their message; any other failure of the plugin is reported with its name and source.
     */
    public ScoringStrategy create(Map<String, String> options) {
        StrategyOptions parsed = parse(options);
        try {
            ScoringStrategy strategy = provider.create(parsed);
            if (strategy == null) {
                throw new PluginException("strategy '" + name() + "' (" + source + ") returned no strategy");
            }
            return strategy;
        } catch (InvalidOptionException | PluginException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw PluginFailure.of(name(), source, "starting", e);
        }
    }

    /** {@code options} parsed against the provider's declarations, defaults filled in. */
    public StrategyOptions parse(Map<String, String> options) {
        return StrategyOptions.parse(name(), declaredOptions(), options);
    }

    /** The options the provider declares; a plugin failing to list them is reported with its name and source. */
    public List<OptionSpec> declaredOptions() {
        try {
            return provider.options();
        } catch (RuntimeException | Error e) {
            throw PluginFailure.of(name(), source, "listing its options", e);
        }
    }
}
