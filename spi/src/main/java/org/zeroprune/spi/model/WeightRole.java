package org.zeroprune.spi.model;

/** What a weight does inside its module. */
public enum WeightRole {
    /** Attention query projection weight or bias. */
    QUERY,
    /** Attention key projection weight or bias. */
    KEY,
    /** Attention value projection weight or bias. */
    VALUE,
    /** Attention output projection (back to the hidden size) weight or bias. */
    ATTENTION_OUTPUT,
    /** First FFN projection, hidden to intermediate, weight or bias. */
    FFN_INPUT,
    /** A stacked intermediate-to-intermediate FFN projection, weight or bias. */
    FFN_HIDDEN,
    /** Last FFN projection, intermediate back to hidden, weight or bias. */
    FFN_OUTPUT,
    /** Scale (gamma) of the LayerNorm that closes the module. */
    NORM_WEIGHT,
    /** Shift (beta) of the LayerNorm that closes the module. */
    NORM_BIAS,
    /** Any other weight of the operation (extra projections, convolution kernels). */
    OTHER
}
