package org.zeroprune.plugin.spectral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A thread-safe map from keys to doubles that holds at most {@code capacity} entries, dropping the
 * least recently used. Split into independently locked segments so that threads rarely wait; the
 * value is computed outside any lock (two threads may compute the same value once each, which is
 * harmless for a pure function). Capacity 0 disables caching.
 *
 * @param <K> key type, with value-based {@code equals} and {@code hashCode}
 */
public final class BoundedCache<K> {
    private static final int SEGMENTS = 16;
    private final Segment<K>[] segments;

    /** @param capacity the most entries kept, ≥ 0 */
    @SuppressWarnings("unchecked")
    public BoundedCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        int segmentCount = capacity == 0 ? 0 : Math.min(SEGMENTS, capacity);
        segments = new Segment[segmentCount];
        for (int i = 0; i < segmentCount; i++) {
            // spread the capacity, the first segments taking the remainder
            segments[i] = new Segment<>(capacity / segmentCount + (i < capacity % segmentCount ? 1 : 0));
        }
    }

    /** The cached value of {@code key}, computing and storing it on a miss. */
    public double get(K key, ToDoubleFunction<K> compute) {
        if (segments.length == 0) {
            return compute.applyAsDouble(key);
        }
        Segment<K> segment = segments[Math.floorMod(spread(key.hashCode()), segments.length)];
        Double cached;
        synchronized (segment) {
            cached = segment.get(key);
        }
        if (cached != null) {
            return cached;
        }
        double value = compute.applyAsDouble(key);
        synchronized (segment) {
            segment.put(key, value);
        }
        return value;
    }

    /** Number of entries held now. */
    public int size() {
        int n = 0;
        for (Segment<K> s : segments) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private static final class Segment<K> extends LinkedHashMap<K, Double> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        Segment(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, Double> eldest) {
            return size() > capacity;
        }
    }
}
