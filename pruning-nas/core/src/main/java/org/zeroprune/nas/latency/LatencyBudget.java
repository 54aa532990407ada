package org.zeroprune.nas.latency;

import java.util.function.LongSupplier;

/**
 * The seconds a prune may spend timing the dense against the pruned model, across engines
 * (PyTorch, then ONNX Runtime): each engine gets an equal share of what is left, so that time the
 * first does not use goes to the next. Deadlines are wall-clock epoch milliseconds, because the
 * timing runs in a child JVM whose {@link System#nanoTime()} has another origin.
 */
public final class LatencyBudget {
    private final double seconds;
    private final LongSupplier epochMillis;
    private final long start;

    /** A budget of {@code seconds} that starts now. */
    public LatencyBudget(double seconds) {
        this(seconds, System::currentTimeMillis);
    }

    LatencyBudget(double seconds, LongSupplier epochMillis) {
        this.seconds = seconds;
        this.epochMillis = epochMillis;
        this.start = epochMillis.getAsLong();
    }

    /** The deadline of the next engine when {@code enginesLeft} engines, it included, are still to time. */
    public long deadline(int enginesLeft) {
        long now = epochMillis.getAsLong();
        long left = Math.max(0, start + Math.round(seconds * 1000) - now);
        return now + left / Math.max(1, enginesLeft);
    }

    /** Seconds from now until {@code deadline} (for the summary: the share an engine was given). */
    public double secondsUntil(long deadline) {
        return Math.max(0, deadline - epochMillis.getAsLong()) / 1000.0;
    }

    /** {@code deadline} (epoch milliseconds) on this process's {@link System#nanoTime()} clock. */
    public static long toNanoTime(long deadline) {
        return System.nanoTime() + (deadline - System.currentTimeMillis()) * 1_000_000;
    }
}
