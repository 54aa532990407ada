package org.zeroprune.nas.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds per named phase of a run, in order. */
public final class PhaseTimer {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Runs {@code work} and records its duration under {@code phase}. */
    public <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(phase, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    /** Runs {@code work} and records its duration under {@code phase}. */
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
