package org.zeroprune.nas.benchmark.flexibert.variant;

/**
 * Statistics of one whole (unmasked) weight matrix {@code W}, {@code m × n}, {@code r = min(m, n)},
 * from its squared Frobenius norm {@code ‖W‖²_F} ({@link ModelNorms}).
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

    /** {@code C(W) = ‖W‖²_F / min(m, n)}. */
    static double capacity(double squaredNorm, int rows, int cols) {
        return squaredNorm / Math.min(rows, cols);
    }

    /** {@code C(W) / v(W)}; 0 for a zero matrix. */
    static double relativeCapacity(double squaredNorm, int rows, int cols) {
        if (squaredNorm == 0) {
            return 0.0;
        }
        double meanSquare = squaredNorm / ((double) rows * cols);
        return (squaredNorm / Math.min(rows, cols)) / meanSquare;
    }
}
