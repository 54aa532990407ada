package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;

/**
 * Scalar operands for operations that autograd may differentiate through.
 *
 * <p>Why not DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code maximum(Number)} or
 * {@code pow(Number)}: they wrap the number in a tensor over a Java direct buffer, run the operation and
 * close that tensor at once. Autograd keeps the scalar for the backward pass (the gradient of
 * {@code x / s} needs {@code s}), but nothing keeps its buffer: once the JVM collects it, the backward
 * pass reads freed memory, and end-to-end tuning saw NaN gradients at random steps. A scalar made here
 * belongs to the operand's manager (a scratch manager, closed after the backward pass), so it lives as
 * long as the graph that uses it. The forward pass and the recovery algorithms of {@code reconstruct}
 * use it for every such operation, with gradients or not, so that no call has to be proved
 * gradient-free ({@code AutogradScalarsTest}, an architecture test of the cli module, checks);
 * operations that keep no operand ({@code add}, {@code sub}) may use the {@code Number} forms.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code value} as a float32 scalar of {@code like}'s manager. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().create((float) value);
    }
}
