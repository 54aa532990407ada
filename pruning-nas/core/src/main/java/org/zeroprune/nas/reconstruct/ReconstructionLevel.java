package org.zeroprune.nas.reconstruct;

import java.util.Arrays;
import java.util.Locale;

/** How much of a pruned model reconstruction may change, from nothing to training every kept weight. */
public enum ReconstructionLevel {
    /** The plain cut: the exported weights are the dense model's kept rows and columns. */
    NONE,
    /** Layer-wise: one factor per kept head and per kept neuron, damped towards 1. */
    SCALES,
    /** Layer-wise: the kept columns of both output projections and their biases, damped towards the originals. */
    REFIT,
    /** End to end: per-unit factors, output biases and LayerNorms tuned by gradient on the final hidden states. */
    TUNE,
    /**
     * End to end: every kept weight, bias and LayerNorm trained against the dense model on the
     * similarity structure of pooled embeddings, with early stopping on held-out calibration.
     */
    DISTILL;

    /** Every level's word, for messages. */
    public static final String WORDS = "none, scales, refit, tune or distill";

    /** The configuration word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code word}. */
    public static ReconstructionLevel named(String word) {
        return Arrays.stream(values()).filter(l -> l.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown reconstruction level '" + word
                        + "'; expected " + WORDS));
    }
}
