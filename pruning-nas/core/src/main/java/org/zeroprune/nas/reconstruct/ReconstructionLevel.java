package org.zeroprune.nas.reconstruct;

import java.util.Arrays;
import java.util.Locale;

/** How much of a pruned model reconstruction may change, from nothing to end-to-end tuning. */
public enum ReconstructionLevel {
    /** The plain cut: the exported weights are the dense model's kept rows and columns. */
    NONE,
    /** Layer-wise: one factor per kept head and per kept neuron, damped towards 1. */
    SCALES,
    /** Layer-wise: the kept columns of both output projections and their biases, damped towards the originals. */
    REFIT,
    /** End to end: per-unit factors, output biases and LayerNorms tuned by gradient on the final hidden states. */
    TUNE;

    /** The configuration word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code word}. */
    public static ReconstructionLevel named(String word) {
        return Arrays.stream(values()).filter(l -> l.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown reconstruction level '" + word
                        + "'; expected none, scales, refit or tune"));
    }
}
