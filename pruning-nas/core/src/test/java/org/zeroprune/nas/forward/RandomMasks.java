package org.zeroprune.nas.forward;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/** Seeded random masks for tests. */
public final class RandomMasks {
    private RandomMasks() {
    }

    /** Every unit kept with probability {@code keep}, independently. */
    public static PruningMask bernoulli(BertConfig config, double keep, long seed) {
        Random random = new Random(seed);
        List<UnitSet> heads = new ArrayList<>();
        List<UnitSet> neurons = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            heads.add(draw(config.headsInLayer(l), keep, random));
            neurons.add(draw(config.ffnWidth(l), keep, random));
        }
        return PruningMask.of(heads, neurons);
    }

    private static UnitSet draw(int size, double keep, Random random) {
        BitSet bits = new BitSet(size);
        for (int u = 0; u < size; u++) {
            if (random.nextDouble() < keep) {
                bits.set(u);
            }
        }
        return UnitSet.of(size, bits);
    }
}
