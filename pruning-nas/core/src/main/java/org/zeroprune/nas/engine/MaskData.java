package org.zeroprune.nas.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * A candidate's mask in a form that travels to workers (the SPI's {@link PruningMask} is not
 * serializable, by design): per layer, the unit counts and the kept units' bits.
 *
 * @param headSizes heads per layer
 * @param heads kept heads per layer, as {@link BitSet#toLongArray()} words
 * @param neuronSizes neurons per layer
 * @param neurons kept neurons per layer, as words
 */
public record MaskData(int[] headSizes, long[][] heads, int[] neuronSizes, long[][] neurons) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@return {@code mask} in travelling form} */
    public static MaskData of(PruningMask mask) {
        int layers = mask.layerCount();
        MaskData data = new MaskData(new int[layers], new long[layers][], new int[layers], new long[layers][]);
        for (int l = 0; l < layers; l++) {
            data.headSizes[l] = mask.heads(l).size();
            data.heads[l] = mask.heads(l).toBitSet().toLongArray();
            data.neuronSizes[l] = mask.neurons(l).size();
            data.neurons[l] = mask.neurons(l).toBitSet().toLongArray();
        }
        return data;
    }

    /** {@return the mask again, equal to the one it was made of} */
    public PruningMask mask() {
        List<UnitSet> kept = new ArrayList<>();
        List<UnitSet> keptNeurons = new ArrayList<>();
        for (int l = 0; l < headSizes.length; l++) {
            kept.add(UnitSet.of(headSizes[l], BitSet.valueOf(heads[l])));
            keptNeurons.add(UnitSet.of(neuronSizes[l], BitSet.valueOf(neurons[l])));
        }
        return PruningMask.of(kept, keptNeurons);
    }
}
