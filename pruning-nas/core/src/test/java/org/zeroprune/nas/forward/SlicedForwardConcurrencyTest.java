package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The sliced fast path reuses cached slices and runs calls at the same time; neither may change a
 * single bit of a candidate's embeddings, since rankings must not depend on threads or history.
 */
class SlicedForwardConcurrencyTest {

    @Test
    void cachedAndConcurrentCallsGiveBitIdenticalEmbeddings() throws Exception {
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 16));
        List<PruningMask> masks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // few distinct masks, each asked for several times: the cache is hit and shared
            masks.add(RandomMasks.bernoulli(EmbeddedEncoder.checkpoint().config(), 0.6, i % 4));
        }
        List<float[][]> fresh = new ArrayList<>();
        for (PruningMask m : masks) {
            try (BertEncoder alone = BertEncoder.load(EmbeddedEncoder.checkpoint())) {
                fresh.add(alone.slicedSentenceEmbeddings(m, ids));
            }
        }
        try (BertEncoder shared = BertEncoder.load(EmbeddedEncoder.checkpoint())) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<float[][]>> results = new ArrayList<>();
                for (PruningMask m : masks) {
                    results.add(pool.submit(() -> shared.slicedSentenceEmbeddings(m, ids)));
                }
                for (int i = 0; i < masks.size(); i++) {
                    float[][] got = results.get(i).get();
                    for (int s = 0; s < ids.length; s++) {
                        assertArrayEquals(fresh.get(i)[s], got[s], 0f, "mask " + i + ", sequence " + s);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(shared.slicedCacheBytes() > 0, "slices are kept between calls");
        }
    }

    @Test
    void evictedSlicesInUseAreFreedOnlyWhenReleased() {
        try (BertEncoder encoder = BertEncoder.load(EmbeddedEncoder.checkpoint());
                ai.djl.ndarray.NDManager manager = TorchRuntime.newManager()) {
            SliceCache cache = new SliceCache(manager, 1);
            LayerWeights layer = encoder.weights().layers().get(0);
            PruningMask a = RandomMasks.bernoulli(encoder.config(), 0.5, 1);
            PruningMask b = RandomMasks.bernoulli(encoder.config(), 0.5, 2);
            SliceCache.Part first = cache.acquire(new SliceCache.Key(0, false, a.neurons(0)),
                    m -> layer.neuronSlice(a.neurons(0), m));
            // over the 1-byte bound: the first part is evicted, but it is still in use
            SliceCache.Part second = cache.acquire(new SliceCache.Key(0, false, b.neurons(0)),
                    m -> layer.neuronSlice(b.neurons(0), m));
            assertEquals(a.neurons(0).count(), first.arrays()[0].getShape().get(0));
            assertTrue(first.arrays()[0].toFloatArray().length > 0, "an evicted part stays readable until released");
            cache.release(first);
            assertTrue(first.arrays()[0].isReleased(), "released after its last user");
            cache.release(second);
            cache.close();
            assertTrue(second.arrays()[0].isReleased());
        }
    }
}
