package org.zeroprune.nas.benchmark.flexibert;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.zeroprune.spi.ScoringStrategy;

/**
 * One entry of the benchmark's lineup (one row of its table): a scoring strategy and how to make a
 * fresh instance of it for each run seed (a fresh instance forgets what it memoised for the
 * previous seed). "Strategy" alone means a scoring strategy everywhere in this benchmark; the
 * entries are not a third kind of strategy.
 *
 * @param label the name in tables and JSON, as given on the command line
 *     ({@code zerolm:alpha-selection=benchmark-sampling})
 * @param kind where the strategy comes from
 * @param source the plugin jar or directory, or {@code harness}
 * @param options the options passed to {@code create}, as given
 * @param seedLimit how many of the run's seeds it is scored on (the first ones); slow strategies
 *     may run on fewer
 * @param factory a new, configured strategy
 */
public record LineupEntry(String label, Kind kind, String source, Map<String, String> options, int seedLimit,
        Supplier<ScoringStrategy> factory) {

    /** Copies the options. */
    public LineupEntry {
        options = Map.copyOf(options);
        if (seedLimit < 1) {
            throw new IllegalArgumentException(label + ": seed limit must be at least 1, got " + seedLimit);
        }
    }

    /** Where an entry's scoring strategy comes from. */
    public enum Kind {
        /** A {@link org.zeroprune.spi.ScoringStrategyProvider} found by the plugin registry. */
        PLUGIN,
        /** A baseline the harness computes itself (the number of layers). */
        BASELINE,
        /** An experimental variant scorer of the harness, reported beside the reproduction. */
        VARIANT;

        /** Lower-case word for JSON and tables. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
