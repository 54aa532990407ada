package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;

/**
 * A recovery objective weighting a term with a bare number, as end-to-end tuning once did: DJL
 * frees the number's buffer at once, and the backward pass read freed memory.
 */
public final class ScalarFixtureReconstruct {
    /** The forbidden call. */
    public NDArray weighted(NDArray term, double weight) {
        return term.mul(weight);
    }
}
