package org.zeroprune.nas.plugin;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.model.ModelView;

/**
 * A scoring strategy created with its options, with the name and source its messages give. The one
 * way {@code prune}, {@code evaluate} and the benchmarks run a strategy: {@link #prepare} checks its
 * requirements against the context, prepares it on a model and wraps its failures, and the
 * {@link PreparedStrategy} it returns scores candidates, refusing scores that are not finite. The
 * plugin's code runs on threads the framework can abandon, within the strategy's {@link StrategyLimits}.
 */
public final class ConfiguredStrategy {
    private final String name;
    private final String source;
    private final ScoringStrategy strategy;
    private final StrategyLimits limits;

    private ConfiguredStrategy(String name, String source, ScoringStrategy strategy, StrategyLimits limits) {
        this.name = name;
        this.source = source;
        this.strategy = strategy;
        this.limits = limits;
    }

    /** The registered strategy, created with {@code options}, named by its registered name. */
    public static ConfiguredStrategy create(RegisteredStrategy registered, Map<String, String> options) {
        return create(registered, registered.name(), options);
    }

    /** The same, named {@code label} in messages (a name with its options, as the user wrote it). */
    public static ConfiguredStrategy create(RegisteredStrategy registered, String label, Map<String, String> options) {
        return new ConfiguredStrategy(label, registered.source(), registered.create(options), StrategyLimits.DEFAULT);
    }

    /** A strategy created elsewhere (a harness baseline, or a plugin's made by a factory). */
    public static ConfiguredStrategy of(String name, String source, ScoringStrategy strategy) {
        return new ConfiguredStrategy(name, source, strategy, StrategyLimits.DEFAULT);
    }

    /** {@return this strategy, given {@code limits} to prepare and to score in (the default: {@link StrategyLimits#DEFAULT})} */
    public ConfiguredStrategy withLimits(StrategyLimits limits) {
        return new ConfiguredStrategy(name, source, strategy, limits);
    }

    /** The name in messages and reports. */
    public String name() {
        return name;
    }

    /** The plugin jar or directory it came from, or {@code harness}. */
    public String source() {
        return source;
    }

    /**
     * {@return what the strategy needs from a scoring context}
     *
     * @throws PluginException if the plugin fails to say
     */
    public Set<Capability> requirements() {
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        try {
            needs.addAll(strategy.requirements());
        } catch (RuntimeException | Error e) {
            throw PluginFailure.of(name, source, "listing its requirements", e);
        }
        return needs;
    }

    /** What the strategy needs from a context and {@code context} does not offer; empty when it can prepare. */
    public Set<Capability> missing(ScoringContext context) {
        Set<Capability> missing = requirements();
        missing.removeAll(context.capabilities());
        return missing;
    }

    /** {@link #prepare(ModelView, ScoringContext, ContextOffer, String)} of the run's one model. */
    public PreparedStrategy prepare(ModelView model, ScoringContext context, ContextOffer offer) {
        return prepare(model, context, offer, "");
    }

    /**
     * Checks the strategy's requirements, then prepares it on {@code model}.
     *
     * @param offer whose context it is, for the message when a requirement is missing
     * @param subject names the model in failures ({@code architecture id 7 (seed 3)}); empty when a
     *     run has one model
     * @throws ConfigException if a missing requirement is something the user can offer (the message says how)
     * @throws PluginException if another requirement is missing, or the plugin fails (an {@link Error} too),
     *     returns no scorer, or takes longer than its prepare limit
     */
    public PreparedStrategy prepare(ModelView model, ScoringContext context, ContextOffer offer, String subject) {
        requireCapabilities(context, offer);
        String on = subject.isEmpty() ? "" : " " + subject;
        PluginWatchdog watchdog = new PluginWatchdog(name, source, context.progress());
        CandidateScorer scorer = watchdog.call(limits.prepare(), () -> subject.isEmpty() ? "" : "on " + subject, () -> {
            try {
                return strategy.prepare(model, context);
            } catch (ZeroPruneException e) {
                throw e;
            } catch (ScoringException e) {
                // the plugin's own explanation of why it cannot score this model
                throw new PluginException("strategy '" + name + "'" + (on.isEmpty() ? "" : " on" + on) + ": "
                        + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                throw PluginFailure.of(name, source, "preparing" + on, e);
            }
        });
        if (scorer == null) {
            throw new PluginException("strategy '" + name + "' (" + source + ") returned no scorer" + on);
        }
        return new PreparedStrategy(name, source, scorer, model, limits, watchdog);
    }

    private void requireCapabilities(ScoringContext context, ContextOffer offer) {
        Set<Capability> missing = missing(context);
        if (missing.isEmpty()) {
            return;
        }
        Set<Capability> others = EnumSet.copyOf(missing);
        others.remove(Capability.CALIBRATION_TEXT);
        String needs = missing.contains(Capability.CALIBRATION_TEXT)
                ? "is data-driven and needs calibration text" + (others.isEmpty() ? "" : " and " + others)
                : "needs " + missing;
        Set<String> remedies = offer.remediesFor(missing);
        String message = "strategy '" + name + "' " + needs + ", which " + offer.offerer() + " does not offer";
        if (!remedies.isEmpty()) {
            throw new ConfigException(message + ": " + String.join("; ", remedies));
        }
        throw new PluginException(message + (offer.note().isEmpty() ? "" : " (" + offer.note() + ")"));
    }
}
