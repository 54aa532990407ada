package org.zeroprune.nas.benchmark.flexibert.variant;

import java.nio.FloatBuffer;
import org.zeroprune.spi.model.WeightView;

/**
 * Statistics of one whole (unmasked) weight matrix {@code W}, {@code m × n}, {@code r = min(m, n)}.
 *
 * <ul>
 *   <li>capacity {@code C(W) = ‖W‖²_F / r}, the mean squared singular value (DESIGN.md's definition);
 *   <li>relative capacity {@code C(W) / v(W)}, with {@code v(W) = ‖W‖²_F / (m·n)} the mean squared
 *       entry: the capacity in units of the matrix's own entry scale. It equals {@code m·n / r =
 *       max(m, n)} for every non-zero matrix, so it is a function of the shape alone; it is computed
 *       from the entries anyway so that a zero matrix (a dead module) gets 0.
 * </ul>
 */
final class MatrixCapacity {
    private MatrixCapacity() {
    }

    /** {@code ‖W‖²_F}, accumulated in double precision. */
    static double squaredNorm(WeightView w) {
        FloatBuffer data = w.data();
        double sum = 0;
        while (data.hasRemaining()) {
            double v = data.get();
            sum += v * v;
        }
        return sum;
    }

    /** {@code C(W) = ‖W‖²_F / min(m, n)}. */
    static double capacity(WeightView w) {
        return squaredNorm(w) / Math.min(w.rows(), w.cols());
    }

    /** {@code C(W) / v(W)}; 0 for a zero matrix. */
    static double relativeCapacity(WeightView w) {
        double norm = squaredNorm(w);
        if (norm == 0) {
            return 0.0;
        }
        double meanSquare = norm / ((double) w.rows() * w.cols());
        return (norm / Math.min(w.rows(), w.cols())) / meanSquare;
    }
}
