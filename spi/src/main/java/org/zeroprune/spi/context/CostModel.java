package org.zeroprune.spi.context;

import org.zeroprune.spi.mask.PruningMask;

/** Costs of a candidate, as the framework counts them for budgets. */
public interface CostModel {

    /**
     * {@return multiply-accumulates per token of the encoder layers the mask keeps, at the configured sequence length}
     *
     * @param mask the candidate
     */
    long macs(PruningMask mask);

    /**
     * {@return parameters of the encoder layers the mask keeps (weights, biases and LayerNorms)}
     *
     * @param mask the candidate
     */
    long params(PruningMask mask);

    /** {@return {@link #macs} of the dense model} */
    long denseMacs();

    /** {@return {@link #params} of the dense model} */
    long denseParams();
}
