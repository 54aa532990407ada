package org.zeroprune.nas.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.nas.search.ScreenSetting;
import org.zeroprune.nas.search.SearchConfig;
import org.zeroprune.spi.OptionType;

/**
 * The cheaper form of the scoring strategy that scores an evolutionary search's candidates before the
 * best {@code search.shortlist} are scored in full ({@code search.screen}).
 *
 * <p>{@code auto} halves the {@code sequences} option of a strategy that declares one (such as
 * {@code synthetic-fidelity}: 16 of its 32 generated sequences), when the search visits at least
 * {@value #AUTO_MIN_CANDIDATES_PER_SHORTLIST} candidates per shortlisted one; a smaller search would
 * score most candidates twice. {@code off} screens nothing; {@code K=V,K=V} overrides those options.
 *
 * @param label the strategy's name with the overrides, for progress and the ranking
 * @param options the scoring options with the overrides applied
 */
record ScreenForm(String label, Map<String, String> options) {
    /** The option {@code auto} halves. */
    static final String SEQUENCES = "sequences";
    /** {@code auto} screens only searches of at least this many candidates per shortlisted one. */
    static final int AUTO_MIN_CANDIDATES_PER_SHORTLIST = 4;

    /** The screen {@code search} asks of {@code scoring} with options {@code scoringOptions}, if any. */
    static Optional<ScreenForm> resolve(SearchConfig search, RegisteredStrategy scoring, Map<String, String> scoringOptions) {
        String screen = search.screen().trim();
        Map<String, String> overrides;
        if (screen.equals(ScreenSetting.OFF)) {
            return Optional.empty();
        } else if (screen.equals(ScreenSetting.AUTO)) {
            boolean declared = scoring.declaredOptions().stream()
                    .anyMatch(o -> o.key().equals(SEQUENCES) && o.type() == OptionType.INT);
            if (!declared || (long) search.candidates() < (long) AUTO_MIN_CANDIDATES_PER_SHORTLIST * search.shortlist()) {
                return Optional.empty();
            }
            int full = scoring.parse(scoringOptions).getInt(SEQUENCES);
            if (full < 2) {
                return Optional.empty();
            }
            overrides = Map.of(SEQUENCES, Integer.toString(full / 2));
        } else {
            overrides = ScreenSetting.overrides(screen);
        }
        Map<String, String> options = new LinkedHashMap<>(scoringOptions);
        options.putAll(overrides);
        String label = scoring.name() + ":" + overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return Optional.of(new ScreenForm(label, options));
    }

    /** The scoring strategy created with these options, named by {@link #label}, within the run's limits. */
    ConfiguredStrategy strategy(RegisteredStrategy scoring, PruneConfig config) {
        return ConfiguredStrategy.create(scoring, label, options).withLimits(config.scoring().limits());
    }
}
