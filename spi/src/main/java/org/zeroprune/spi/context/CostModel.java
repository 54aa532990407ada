package org.zeroprune.spi.context;

import org.zeroprune.spi.mask.PruningMask;

/** Costs of a candidate, as the framework counts them for budgets. */
public interface CostModel {

    /** Multiply-accumulates per token of the encoder layers the mask keeps, at the configured sequence length. */
    long macs(PruningMask mask);

    /** Parameters of the encoder layers the mask keeps (weights, biases and LayerNorms). */
    long params(PruningMask mask);

    /** {@link #macs} of the dense model. */
    long denseMacs();

    /** {@link #params} of the dense model. */
    long denseParams();
}
