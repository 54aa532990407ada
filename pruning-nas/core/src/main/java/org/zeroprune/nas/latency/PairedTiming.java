package org.zeroprune.nas.latency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What {@link AlternatingTimer#measure} found: the median milliseconds of each model, how many
 * pairs were timed, how long the timing took and why it stopped. Crosses the process boundary of
 * {@link FreshJvm} as one line of {@value #FIELDS} numbers.
 *
 * @param firstMs median milliseconds of the first model's runs
 * @param secondMs median milliseconds of the second model's runs
 * @param pairs timed runs of each model
 * @param warmupPairs untimed runs of each model before them
 * @param seconds wall-clock seconds of warm-up and timed runs together
 * @param stop why the timing stopped
 * @param halfWidth relative half-width of the median per-pair ratio's 95% interval (infinite: too few pairs)
 */
public record PairedTiming(double firstMs, double secondMs, int pairs, int warmupPairs, double seconds, Stop stop,
        double halfWidth) {
    /** Numbers in {@link #toLine()}. */
    public static final int FIELDS = 7;

    /** Why the alternation stopped. */
    public enum Stop {
        /** the speed-up's interval was within the tolerance */
        PRECISION("precision"),
        /** another pair would have ended after the deadline */
        TIME("time bound"),
        /** the cap on pairs was reached */
        PAIRS("pair limit");

        private final String word;

        Stop(String word) {
            this.word = word;
        }

        /** As the summary writes it. */
        public String word() {
            return word;
        }
    }

    /** One line of numbers, for a child process's output. */
    public String toLine() {
        return String.format(Locale.ROOT, "%.6f %.6f %d %d %.6f %d %s", firstMs, secondMs, pairs, warmupPairs, seconds,
                stop.ordinal(), Double.isInfinite(halfWidth) ? "Infinity" : String.format(Locale.ROOT, "%.6f", halfWidth));
    }

    /** The inverse of {@link #toLine()}, from the numbers {@link FreshJvm} read. */
    public static PairedTiming of(double[] n) {
        return new PairedTiming(n[0], n[1], (int) n[2], (int) n[3], n[4], Stop.values()[(int) n[5]], n[6]);
    }

    /**
     * The medians as {@code denseMs} and {@code prunedMs} (the first model is the dense one), their
     * ratio as {@code speedup}, then the counts and the stop, into a latency node of the summary.
     */
    public void describeInto(ObjectNode node, double budgetSeconds) {
        node.put("denseMs", firstMs);
        node.put("prunedMs", secondMs);
        node.put("speedup", firstMs / secondMs);
        node.put("pairs", pairs);
        node.put("warmupPairs", warmupPairs);
        node.put("timedSeconds", seconds);
        node.put("budgetSeconds", budgetSeconds);
        node.put("stoppedBy", stop.word());
        if (Double.isFinite(halfWidth)) {
            node.put("speedupHalfWidth", halfWidth);
        } else {
            node.putNull("speedupHalfWidth");
        }
    }

    /** For the summary's setting line, e.g. "median of 12 alternating runs each, stopped on precision (±1.9%) after 2.3 s". */
    public String describe() {
        String interval = Double.isFinite(halfWidth) ? String.format(Locale.ROOT, "speed-up ±%.1f%%", 100 * halfWidth)
                : "too few runs for an interval";
        return String.format(Locale.ROOT, "median of %d alternating runs each after %d warm-up, stopped on %s (%s) after"
                + " %.1f s", pairs, warmupPairs, stop.word(), interval, seconds);
    }
}
