package org.zeroprune.spi.model;

import java.util.List;
import java.util.Optional;

/** One sub-module of a layer with the weights that belong to it. */
public interface ModuleView {

    /** {@return attention or FFN} */
    ModuleKind kind();

    /**
     * The operation, for reports and for strategies that treat operations differently:
     * {@code self-attention} for BERT; benchmark architectures also use {@code weighted-attention},
     * {@code linear-transform}, {@code convolution}, {@code feed-forward}.
     *
     * @return the operation's name
     */
    String operation();

    /**
     * How many units a mask can keep or remove: heads for attention, intermediate neurons for an
     * FFN. Zero for an operation that has no removable units (a Fourier transform).
     *
     * @return the number of units, 0 or more
     */
    int unitCount();

    /**
     * The module's weights, matrices and vectors, including biases and the LayerNorm that closes
     * the module in BERT ({@link WeightRole#NORM_WEIGHT}, {@link WeightRole#NORM_BIAS}).
     *
     * @return every weight of the module
     */
    List<WeightView> weights();

    /** {@return the two-dimensional weights only} */
    default List<WeightView> matrices() {
        return weights().stream().filter(WeightView::isMatrix).toList();
    }

    /**
     * {@return the first weight with the given role, if any}
     *
     * @param role the role looked for
     */
    default Optional<WeightView> weight(WeightRole role) {
        return weights().stream().filter(w -> w.role() == role).findFirst();
    }
}
