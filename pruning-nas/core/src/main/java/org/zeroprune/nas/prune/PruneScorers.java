package org.zeroprune.nas.prune;

import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.ContextOffer;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.ScoringContext;

/**
 * The strategies a prune run prepares on its model: the scoring strategy, the screen (the hybrid
 * search's cheap strategy, or the evolutionary search's cheaper form of the scoring strategy), and
 * the strategy whose per-unit importance picks the units a layer keeps (one of the other two when
 * it has that name, else prepared for that alone).
 *
 * @param scoring the scoring strategy, prepared
 * @param screening the screen, prepared; empty when the search screens nothing
 * @param unitOrderSource whose importance orders the units, or empty for random picks
 * @param unitOrder that importance
 */
record PruneScorers(PreparedStrategy scoring, Optional<PreparedStrategy> screening, Optional<String> unitOrderSource,
        Optional<UnitImportance> unitOrder) {

    /** What a prune run offers strategies, and how to offer calibration text when one needs it. */
    static final ContextOffer OFFER = new ContextOffer("this run", Map.of(Capability.CALIBRATION_TEXT,
            "set scoring.corpus to 'builtin' or a text file (--corpus)"), "");

    /** Prepares them in order, each phase timed: prepare, screen-prepare, unit-importance-prepare. */
    static PruneScorers prepare(PruneConfig config, PluginRegistry registry, ConfiguredStrategy strategy,
            Optional<ConfiguredStrategy> cheaperForm, SearchStrategy search, LoadedModel model, ScoringContext context,
            PhaseTimer timer) {
        PreparedStrategy scoring = timer.time("prepare", () -> prepare(strategy, model, context));
        Optional<ConfiguredStrategy> screen = search.screens()
                ? Optional.of(configured(registry.get(config.search().screening()), config))
                : cheaperForm;
        Optional<PreparedStrategy> screening = screen.map(s -> timer.time("screen-prepare", () -> prepare(s, model, context)));
        Optional<String> source = unitOrderSource(config, scoring, screening);
        Optional<UnitImportance> order = source.map(name -> {
            PreparedStrategy from = scoring.name().equals(name) ? scoring
                    : screening.filter(s -> s.name().equals(name)).orElseGet(() -> timer.time("unit-importance-prepare",
                            () -> prepareNamed(registry, name, config, model, context)));
            return from.unitImportance().orElseThrow(() -> new ConfigException("strategy '" + name
                    + "' gives no per-unit importance to choose the units a layer keeps; set search.unit-selection to"
                    + " random, or search.unit-importance to a strategy such as fisher, magnitude or perturbation"));
        });
        return new PruneScorers(scoring, screening, source, order);
    }

    /** {@code strategy} prepared on the run's model, with a progress line while it works. */
    static PreparedStrategy prepare(ConfiguredStrategy strategy, LoadedModel model, ScoringContext context) {
        try (ProgressTask task = context.progress().start("Preparing " + strategy.name(), -1)) {
            return strategy.prepare(model.view(), context, OFFER);
        }
    }

    /** A strategy besides the scoring one, with its default options. */
    private static PreparedStrategy prepareNamed(PluginRegistry registry, String name, PruneConfig config,
            LoadedModel model, ScoringContext context) {
        return prepare(configured(registry.get(name), config), model, context);
    }

    private static ConfiguredStrategy configured(RegisteredStrategy registered, PruneConfig config) {
        return ConfiguredStrategy.create(registered, Map.of()).withLimits(config.scoring().limits());
    }

    private static Optional<String> unitOrderSource(PruneConfig config, PreparedStrategy scoring,
            Optional<PreparedStrategy> screening) {
        String configured = config.search().unitImportance();
        return switch (config.search().unitSelection()) {
            case "importance" -> Optional.of(configured.isBlank() ? scoring.name() : configured);
            // a configured order first; the scoring strategy ranks units better than a cheap screen where it has one
            case "auto" -> !configured.isBlank() ? Optional.of(configured)
                    : scoring.unitImportance().isPresent() ? Optional.of(scoring.name())
                    : screening.filter(s -> s.unitImportance().isPresent()).map(PreparedStrategy::name);
            default -> Optional.empty();
        };
    }
}
