package org.zeroprune.plugin.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache stays within its bound, returns what was computed, and can be disabled. */
class BoundedCacheTest {

    @Test
    void holdsAtMostItsCapacityAndComputesOncePerHeldKey() {
        BoundedCache<Integer> cache = new BoundedCache<>(40);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            int key = i;
            assertEquals(key * 0.5, cache.get(key, k -> {
                computed.incrementAndGet();
                return k * 0.5;
            }));
        }
        assertTrue(cache.size() <= 40, "size " + cache.size());
        assertEquals(1000, computed.get());
        int before = computed.get();
        cache.get(999, k -> {
            computed.incrementAndGet();
            return -1;
        });
        assertEquals(before, computed.get(), "the most recent key is still held");
    }

    @Test
    void capacityZeroComputesEveryTime() {
        BoundedCache<String> cache = new BoundedCache<>(0);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get("k", k -> computed.incrementAndGet());
        }
        assertEquals(3, computed.get());
        assertEquals(0, cache.size());
    }
}
