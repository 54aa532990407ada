package org.zeroprune.plugin.zerolm;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Remembers selected α values, keyed by the identity of their source (the labelled-sample list or
 * the sampler object) and the seed, so that a benchmark that prepares 500 architectures against
 * one sample list selects α once. Sources are held weakly, and only the {@value #CAPACITY} most
 * recent entries are kept. Thread-safe: a selection runs under the memo's lock, so concurrent
 * callers with the same key wait for it and reuse it.
 *
 * <p>Sound under the SPI's identity contract ({@link org.zeroprune.spi.context.ScoringContext}): one
 * list instance always holds the same samples, and one sampler instance draws the same candidates
 * from the same seed, and α depends on nothing else but this strategy's own settings. An empty
 * list, which carries no identity, never gets here: {@link AlphaSelector#requireSamples} refuses it.
 */
final class SelectionMemo {
    private static final int CAPACITY = 8;
    private final Deque<Entry> entries = new ArrayDeque<>();

    private record Entry(WeakReference<Object> source, long seed, AlphaChoice choice) {
    }

    /** The memoised choice for ({@code source}, {@code seed}), computing it on a miss. */
    synchronized AlphaChoice get(Object source, long seed, Supplier<AlphaChoice> compute) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            Object held = e.source().get();
            if (held == null) {
                it.remove();
            } else if (held == source && e.seed() == seed) {
                return e.choice();
            }
        }
        AlphaChoice choice = compute.get();
        entries.addFirst(new Entry(new WeakReference<>(source), seed, choice));
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
        return choice;
    }
}
