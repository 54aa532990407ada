package org.zeroprune.nas.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.zeroprune.nas.plugin.StrategyLimits.TimeLimit;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;

/**
 * Runs one strategy's plugin code on daemon threads of its own, so that a call that never returns
 * can be abandoned: the caller's thread only waits. While a call runs past a tenth of its limit (or
 * ten seconds), a progress task says which strategy is still at work and for how many seconds of its
 * limit; past the limit the workers are interrupted and the run stops waiting with a message naming
 * the strategy, its jar, the work and the key that raises the limit. A thread that ignores the
 * interruption keeps running in the background (Java cannot stop it); being a daemon, it does not
 * keep the JVM alive.
 */
final class PluginWatchdog {
    private static final double LONGEST_QUIET_SECONDS = 10;

    private final String strategy;
    private final String source;
    private final ProgressListener progress;

    PluginWatchdog(String strategy, String source, ProgressListener progress) {
        this.strategy = strategy;
        this.source = source;
        this.progress = progress;
    }

    /**
     * {@return what {@code body} returns} It runs on a thread of its own, within {@code limit}.
     *
     * @param subject names the work in messages ({@code on architecture id 7}), or empty; called only then
     */
    <T> T call(TimeLimit limit, Supplier<String> subject, Supplier<T> body) {
        List<T> result = new ArrayList<>(1);
        forEach(limit, 1, 1, i -> subject.get(), i -> result.add(body.get()));
        return result.get(0);
    }

    /**
     * Runs {@code body} for every index in {@code 0..count-1} on up to {@code threads} threads, each call
     * within {@code limit}. Failures of {@code body} are rethrown as they are, the first one only.
     *
     * @param subject names the work of one index in messages ({@code candidate #3 (...)}), or empty
     * @throws PluginException if a call outlasts the limit, or the waiting thread is interrupted
     */
    void forEach(TimeLimit limit, int count, int threads, IntFunction<String> subject, IntConsumer body) {
        if (count == 0) {
            return;
        }
        Workers workers = new Workers(Math.max(1, Math.min(threads, count)), count, body);
        workers.start(strategy);
        Waiting waiting = new Waiting(limit);
        try {
            while (!workers.done.await(tickMillis(limit), TimeUnit.MILLISECONDS)) {
                Optional<Workers.Call> slowest = workers.slowest();
                if (slowest.isEmpty()) {
                    waiting.close();
                    continue;
                }
                double seconds = (System.nanoTime() - slowest.get().started()) / 1e9;
                waiting.report(seconds);
                if (limit.bounded() && seconds >= limit.seconds()) {
                    workers.abandon();
                    throw overLimit(limit, subject.apply(slowest.get().index()), seconds);
                }
            }
        } catch (InterruptedException e) {
            workers.abandon();
            Thread.currentThread().interrupt();
            throw new PluginException("interrupted while strategy '" + strategy + "' (" + source + ") was "
                    + limit.activity(), e);
        } finally {
            waiting.close();
        }
        Throwable failure = workers.failure.get();
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw PluginFailure.of(strategy, source, limit.activity(), failure);
        }
    }

    private PluginException overLimit(TimeLimit limit, String subject, double seconds) {
        return new PluginException("strategy '" + strategy + "' (" + source + ") has been " + limit.activity()
                + (subject.isEmpty() ? "" : " " + subject) + " for " + TimeLimit.seconds(seconds) + ", past its limit of "
                + TimeLimit.seconds(limit.seconds()) + ": gave up waiting (its thread may still run in the background"
                + " until the program ends); raise " + limit.key() + " (0 = no limit) if the strategy needs longer");
    }

    private static long tickMillis(TimeLimit limit) {
        return limit.bounded() ? Math.max(10, Math.min(1000, (long) (limit.seconds() * 100))) : 1000;
    }

    /** The threads of one {@link #forEach}, and what each is doing. */
    private static final class Workers {
        final CountDownLatch done;
        private final AtomicLongArray started; // when each worker's current call began; 0 between calls
        private final AtomicIntegerArray current;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final AtomicInteger next = new AtomicInteger();
        private final Thread[] threads;
        private final int count;
        private final IntConsumer body;

        Workers(int threads, int count, IntConsumer body) {
            this.threads = new Thread[threads];
            this.done = new CountDownLatch(threads);
            this.started = new AtomicLongArray(threads);
            this.current = new AtomicIntegerArray(threads);
            this.count = count;
            this.body = body;
        }

        void start(String strategy) {
            for (int w = 0; w < threads.length; w++) {
                int worker = w;
                threads[w] = new Thread(() -> work(worker), "zeroprune-strategy-" + strategy + "-" + w);
                threads[w].setDaemon(true);
                threads[w].start();
            }
        }

        private void work(int worker) {
            try {
                for (int i = next.getAndIncrement(); i < count && !abandoned.get() && failure.get() == null;
                        i = next.getAndIncrement()) {
                    current.set(worker, i);
                    started.set(worker, System.nanoTime());
                    body.accept(i);
                    started.set(worker, 0);
                }
            } catch (Throwable t) { // carried to the waiting thread, which decides what it means
                failure.compareAndSet(null, t);
            } finally {
                done.countDown();
            }
        }

        /** A call in progress: its index and when it began. */
        record Call(int index, long started) {
        }

        /** The call in progress that began first, if a worker is in one. */
        Optional<Call> slowest() {
            Call slowest = null;
            for (int w = 0; w < threads.length; w++) {
                long s = started.get(w);
                int index = current.get(w);
                // the worker may have moved on to another call meanwhile: then this one is not slow
                if (s != 0 && s == started.get(w) && (slowest == null || s - slowest.started() < 0)) {
                    slowest = new Call(index, s);
                }
            }
            return Optional.ofNullable(slowest);
        }

        void abandon() {
            abandoned.set(true);
            for (Thread t : threads) {
                t.interrupt();
            }
        }
    }

    /** The progress task shown while a call runs long: seconds so far, out of the limit. */
    private final class Waiting {
        private final TimeLimit limit;
        private final double quietSeconds;
        private ProgressTask task;
        private long shown;

        Waiting(TimeLimit limit) {
            this.limit = limit;
            this.quietSeconds = limit.bounded() ? Math.min(LONGEST_QUIET_SECONDS, limit.seconds() / 10)
                    : LONGEST_QUIET_SECONDS;
        }

        void report(double seconds) {
            if (seconds < quietSeconds || task != null && (long) seconds < shown) {
                close(); // quiet again, or another call is the slowest now: a long one gets a task of its own
            }
            if (seconds < quietSeconds) {
                return;
            }
            if (task == null) {
                task = progress.start("Strategy '" + strategy + "' (" + source + ") still " + limit.activity()
                        + (limit.bounded() ? ", seconds of its " + TimeLimit.seconds(limit.seconds()) + " limit ("
                                + limit.key() + ")" : ", seconds (no limit)"),
                        limit.bounded() ? Math.max(1, (long) Math.ceil(limit.seconds())) : -1);
                shown = 0;
            }
            long now = (long) seconds;
            if (now > shown) {
                task.step(now - shown);
                shown = now;
            }
        }

        void close() {
            if (task != null) {
                task.close();
                task = null;
            }
        }
    }
}
