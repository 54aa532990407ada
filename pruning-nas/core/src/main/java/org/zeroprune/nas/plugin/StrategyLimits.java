package org.zeroprune.nas.plugin;

import java.util.Locale;
import org.zeroprune.nas.ConfigException;

/**
 * How long a strategy may take before the framework gives up on it: to prepare on a model (its
 * per-unit importance and details count as preparing), and to score one candidate. A limit of 0 is
 * none. Past a limit the run stops waiting, names the strategy, its jar, what it was doing and the
 * key that raises the limit, and leaves the plugin's thread running in the background: Java cannot
 * stop a thread that ignores interruption.
 *
 * @param prepareSeconds the limit of one preparation, in seconds; 0 for none
 * @param scoreSeconds the limit of scoring one candidate, in seconds; 0 for none
 */
public record StrategyLimits(double prepareSeconds, double scoreSeconds) {
    /** The configuration key of {@link #prepareSeconds}. */
    public static final String PREPARE_KEY = "scoring.prepare-limit-seconds";
    /** The configuration key of {@link #scoreSeconds}. */
    public static final String SCORE_KEY = "scoring.score-limit-seconds";
    /** Generous limits (an hour to prepare, ten minutes per candidate), those of {@code config/defaults.yaml}. */
    public static final StrategyLimits DEFAULT = new StrategyLimits(3600, 600);

    /** Refuses a negative or non-finite limit, naming its key. */
    public StrategyLimits {
        require(PREPARE_KEY, prepareSeconds);
        require(SCORE_KEY, scoreSeconds);
    }

    private static void require(String key, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new ConfigException(key + " is " + seconds + "; expected seconds, 0 or more (0 = no limit)");
        }
    }

    TimeLimit prepare() {
        return new TimeLimit("preparing", prepareSeconds, PREPARE_KEY);
    }

    TimeLimit score() {
        return new TimeLimit("scoring", scoreSeconds, SCORE_KEY);
    }

    /**
     * One limit as a watchdog applies it.
     *
     * @param activity what the strategy is doing, as a message says it ({@code preparing})
     * @param seconds the limit; 0 for none
     * @param key the configuration key that raises it
     */
    record TimeLimit(String activity, double seconds, String key) {
        boolean bounded() {
            return seconds > 0;
        }

        static String seconds(double seconds) {
            return String.format(Locale.ROOT, seconds < 10 ? "%.1f s" : "%.0f s", seconds);
        }
    }
}
