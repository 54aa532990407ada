package org.zeroprune.nas.prune;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock seconds per named phase of a run, in order. A phase timed inside another counts for
 * itself only: the outer phase's seconds exclude it. Used from one thread.
 */
public final class PhaseTimer {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    /** Seconds of the phases nested in each running phase, innermost first. */
    private final Deque<double[]> nested = new ArrayDeque<>();

    /** Runs {@code work} and records its duration, less that of phases timed inside it, under {@code phase}. */
    public <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        double[] inner = {0};
        nested.push(inner);
        try {
            return work.get();
        } finally {
            nested.pop();
            double total = (System.nanoTime() - start) / 1e9;
            seconds.merge(phase, total - inner[0], Double::sum);
            if (!nested.isEmpty()) {
                nested.peek()[0] += total;
            }
        }
    }

    /** Runs {@code work} and records its duration under {@code phase}, as {@link #time(String, Supplier)}. */
    public void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** Seconds per phase. */
    public Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }
}
