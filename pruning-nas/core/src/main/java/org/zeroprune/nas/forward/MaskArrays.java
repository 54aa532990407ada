package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;

/**
 * Multiplicative head and neuron masks of one batch: per layer an array {@code [rows, units]}
 * where {@code rows} is 1 (one mask for every sequence) or the batch size (one mask per sequence,
 * for per-example gradients). {@code null} means the layer is not scaled.
 */
public interface MaskArrays {
    /** No layer is scaled. */
    MaskArrays NONE = new MaskArrays() {
        @Override
        public NDArray heads(int layer) {
            return null;
        }

        @Override
        public NDArray neurons(int layer) {
            return null;
        }
    };

    /** Scales of the heads' contexts of {@code layer}, {@code [rows, heads]}, or {@code null}. */
    NDArray heads(int layer);

    /** Scales of the intermediate activations of {@code layer}, {@code [rows, neurons]}, or {@code null}. */
    NDArray neurons(int layer);
}
