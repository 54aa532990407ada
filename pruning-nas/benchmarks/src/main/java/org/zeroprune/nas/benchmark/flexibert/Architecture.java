package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;

/**
 * A FlexiBERT architecture: a hidden size and a list of heterogeneous encoder layers.
 *
 * @param hiddenSize {@code H}, the width of the residual stream
 * @param layers the encoder layers, at least one
 */
public record Architecture(int hiddenSize, List<LayerSpec> layers) {

    /** Checks that every layer's head count divides {@code H}. */
    public Architecture {
        layers = List.copyOf(layers);
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hidden_size: must be positive, got " + hiddenSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("encoder_layers: no layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (hiddenSize % layers.get(i).heads() != 0) {
                throw new IllegalArgumentException("encoder_layers[" + i + "].num_operation_heads: "
                        + layers.get(i).heads() + " does not divide hidden_size " + hiddenSize);
            }
        }
    }

    /** Number of encoder layers. */
    public int depth() {
        return layers.size();
    }
}
