package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Candidates' layers restricted to their kept heads and neurons, for the sliced fast path: the
 * kept rows and columns come from a {@link SliceCache}, so a head or neuron set that an earlier
 * candidate used is not copied again. The cache holds at most {@value #CACHE_MODELS} times the
 * layers' weights, and never more than {@value #CACHE_CAP_MIB} MiB. Thread-safe.
 */
final class SlicedLayers implements AutoCloseable {
    /** Cache bound in multiples of the layers' weights: it kept 92% of the default prune's slices. */
    static final int CACHE_MODELS = 8;
    static final long CACHE_CAP_MIB = 2048;

    private final EncoderWeights weights;
    private final NDManager manager;
    private final SliceCache cache;

    /** Slices of {@code weights}' layers, cached in a manager of their own. */
    SlicedLayers(EncoderWeights weights) {
        this.weights = weights;
        this.manager = TorchRuntime.newManager();
        long bound = Math.min(CACHE_MODELS * layerBytes(weights), CACHE_CAP_MIB << 20);
        this.cache = new SliceCache(manager, bound);
    }

    /** The layers of {@code mask}; the caller closes the plan when its forward pass is done. */
    Plan plan(PruningMask mask) {
        List<LayerWeights> layers = new ArrayList<>(mask.layerCount());
        List<SliceCache.Part> held = new ArrayList<>();
        try {
            for (int l = 0; l < mask.layerCount(); l++) {
                LayerWeights full = weights.layers().get(l);
                LayerWeights layer = full;
                UnitSet heads = mask.heads(l);
                UnitSet neurons = mask.neurons(l);
                if (!heads.isFull()) {
                    SliceCache.Part part = cache.acquire(new SliceCache.Key(l, true, heads), m -> full.headSlice(heads, m));
                    held.add(part);
                    layer = layer.withHeads(heads.count(), part.arrays());
                }
                if (!neurons.isFull()) {
                    SliceCache.Part part = cache.acquire(new SliceCache.Key(l, false, neurons),
                            m -> full.neuronSlice(neurons, m));
                    held.add(part);
                    layer = layer.withNeurons(neurons.count(), part.arrays());
                }
                layers.add(layer);
            }
        } catch (RuntimeException e) {
            held.forEach(cache::release);
            throw e;
        }
        return new Plan(layers, held);
    }

    /** Bytes of the slices cached now. */
    long cachedBytes() {
        return cache.bytes();
    }

    @Override
    public void close() {
        cache.close();
        manager.close();
    }

    private static long layerBytes(EncoderWeights weights) {
        long bytes = 0;
        for (LayerWeights l : weights.layers()) {
            for (NDArray a : new NDArray[] {l.query(), l.key(), l.value(), l.attentionOutput(), l.intermediate(),
                l.output()}) {
                bytes += a.size() * Float.BYTES;
            }
        }
        return bytes;
    }

    /** One candidate's layers, holding their cached slices until closed. */
    final class Plan implements AutoCloseable {
        private final List<LayerWeights> layers;
        private final List<SliceCache.Part> held;

        private Plan(List<LayerWeights> layers, List<SliceCache.Part> held) {
            this.layers = layers;
            this.held = held;
        }

        List<LayerWeights> layers() {
            return layers;
        }

        @Override
        public void close() {
            held.forEach(cache::release);
        }
    }
}
