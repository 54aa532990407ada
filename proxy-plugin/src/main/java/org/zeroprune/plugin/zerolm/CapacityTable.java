package org.zeroprune.plugin.zerolm;

import org.zeroprune.spi.sums.Masks;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.ModuleKind;

/**
 * Capacities of the modules of one model under a mask. The capacity of a module is the sum of
 * {@code C(W_S)} over its rank-2 weights {@code W}, where {@code W_S} keeps the rows and columns of
 * the kept units and {@code C} is the chosen statistic; {@code S_attn} and {@code S_ffn} sum the
 * module capacities over the layers. Thread-safe.
 */
interface CapacityTable {

    /** Number of layers. */
    int layerCount();

    /** Units of a module. */
    int units(int layer, ModuleKind kind);

    /** The capacity of one module under {@code kept}, a set over its units. */
    double module(int layer, ModuleKind kind, UnitSet kept);

    /** {@code S_attn}: the attention capacities summed over the layers. */
    default double attention(PruningMask mask) {
        checkLayers(mask);
        double s = 0.0;
        for (int l = 0; l < layerCount(); l++) {
            s += module(l, ModuleKind.ATTENTION,
                    Masks.checked(mask.heads(l), units(l, ModuleKind.ATTENTION), l, "heads"));
        }
        return s;
    }

    /** {@code S_ffn}: the FFN capacities summed over the layers. */
    default double ffn(PruningMask mask) {
        checkLayers(mask);
        double s = 0.0;
        for (int l = 0; l < layerCount(); l++) {
            s += module(l, ModuleKind.FFN, Masks.checked(mask.neurons(l), units(l, ModuleKind.FFN), l, "neurons"));
        }
        return s;
    }

    /** Fails unless the mask has as many layers as the model. */
    default void checkLayers(PruningMask mask) {
        if (mask.layerCount() != layerCount()) {
            throw new IllegalArgumentException("mask has " + mask.layerCount() + " layers, the prepared model has "
                    + layerCount());
        }
    }
}
