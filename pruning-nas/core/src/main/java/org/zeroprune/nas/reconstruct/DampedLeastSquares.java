package org.zeroprune.nas.reconstruct;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A damped least-squares fit {@code min ‖Zθ − T‖² + λ‖θ − θ₀‖²} from sufficient statistics, with
 * the damping chosen on held-out rows.
 *
 * <p>The rows are split into a fitting part and a held-out part, each summarised by its Gram
 * matrix {@code G = ZᵀZ}, cross term {@code R = ZᵀT} and {@code ‖T‖²}, so the squared error of
 * any θ on a part is {@code ‖T‖² − 2·tr(θᵀR) + tr(θᵀGθ)} without revisiting the rows. Each
 * relative damping of {@link #DAMPINGS} (λ = damping × mean diagonal of the fitting part's
 * {@code G}) is fitted on the fitting part and scored on the held-out part; the best is refitted on
 * both parts. The fit is kept only if it beats {@code θ₀} on the held-out part: a refit that helps
 * only on the rows it was fitted to is not used.
 */
final class DampedLeastSquares {
    /** Relative dampings tried, from light to strong. */
    static final double[] DAMPINGS = {1e-3, 1e-2, 1e-1, 1.0};

    /** Sufficient statistics of one part of the rows. */
    static final class Part {
        final double[][] gram;
        final double[][] cross;
        double targetSquares;

        Part(int parameters, int outputs) {
            gram = new double[parameters][parameters];
            cross = new double[parameters][outputs];
        }

        /** Adds row-major {@code [p×p]} and {@code [p×q]} sums and a sum of squared targets. */
        void add(float[] g, float[] r, double squares) {
            int p = gram.length;
            int q = cross[0].length;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    gram[i][j] += g[i * p + j];
                }
                for (int j = 0; j < q; j++) {
                    cross[i][j] += r[i * q + j];
                }
            }
            targetSquares += squares;
        }

        /** This part plus {@code sign} times {@code other}: the statistics of the rows of both, or of the difference. */
        Part plus(Part other, int sign) {
            int p = gram.length;
            int q = cross[0].length;
            Part s = new Part(p, q);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    s.gram[i][j] = gram[i][j] + sign * other.gram[i][j];
                }
                for (int j = 0; j < q; j++) {
                    s.cross[i][j] = cross[i][j] + sign * other.cross[i][j];
                }
            }
            s.targetSquares = targetSquares + sign * other.targetSquares;
            return s;
        }

        /** {@code ‖Zθ − T‖²} on this part. */
        double error(DMatrixRMaj theta) {
            DMatrixRMaj g = new DMatrixRMaj(gram);
            DMatrixRMaj r = new DMatrixRMaj(cross);
            DMatrixRMaj gt = new DMatrixRMaj(g.numRows, theta.numCols);
            CommonOps_DDRM.mult(g, theta, gt);
            return targetSquares - 2 * inner(theta, r) + inner(theta, gt);
        }
    }

    /**
     * The fit's outcome.
     *
     * @param theta the parameters to use: the fit, or θ₀ when the fit did not help on held-out rows
     * @param fitted whether {@code theta} is a new fit
     * @param damping the relative damping chosen (NaN if none was usable)
     * @param heldOutBefore held-out squared error of θ₀
     * @param heldOutAfter held-out squared error of the chosen damping's fit on the fitting part
     * @param before squared error of θ₀ on all rows
     * @param after squared error of {@code theta} on all rows
     */
    record Fit(double[][] theta, boolean fitted, double damping, double heldOutBefore, double heldOutAfter,
            double before, double after) {
    }

    private DampedLeastSquares() {
    }

    /**
     * Fits θ ({@code [p×q]}) towards {@code theta0}; the fitting part is {@code all} without {@code heldOut}.
     *
     * @param admissible whether a fitted θ is acceptable at all (for example, scales within a range)
     */
    static Fit fit(Part all, Part heldOut, double[][] theta0, java.util.function.Predicate<double[][]> admissible) {
        Part fitting = all.plus(heldOut, -1);
        DMatrixRMaj start = new DMatrixRMaj(theta0);
        double heldOutBefore = heldOut.error(start);
        double bestError = Double.POSITIVE_INFINITY;
        double bestDamping = Double.NaN;
        for (double damping : DAMPINGS) {
            Optional<DMatrixRMaj> theta = solve(fitting.gram, fitting.cross, start, damping);
            if (theta.isEmpty() || !admissible.test(toArray(theta.get()))) {
                continue;
            }
            double error = heldOut.error(theta.get());
            if (error < bestError) {
                bestError = error;
                bestDamping = damping;
            }
        }
        double before = all.error(start);
        if (Double.isNaN(bestDamping) || !(bestError < heldOutBefore)) {
            return new Fit(theta0, false, bestDamping, heldOutBefore, bestError, before, before);
        }
        Optional<DMatrixRMaj> theta = solve(all.gram, all.cross, start, bestDamping)
                .filter(t -> admissible.test(toArray(t)));
        if (theta.isEmpty()) {
            return new Fit(theta0, false, bestDamping, heldOutBefore, bestError, before, before);
        }
        double after = all.error(theta.get());
        if (!(after <= before)) {
            // a damped fit cannot raise the error on its own rows; guard against round-off all the same
            return new Fit(theta0, false, bestDamping, heldOutBefore, bestError, before, before);
        }
        return new Fit(toArray(theta.get()), true, bestDamping, heldOutBefore, bestError, before, after);
    }

    /** {@code (G + λI)⁻¹ (R + λθ₀)}, λ relative to the mean diagonal of G; empty if not solvable. */
    private static Optional<DMatrixRMaj> solve(double[][] gram, double[][] cross, DMatrixRMaj theta0, double damping) {
        int p = gram.length;
        DMatrixRMaj a = new DMatrixRMaj(gram);
        double trace = CommonOps_DDRM.trace(a);
        double lambda = damping * Math.max(trace / p, 1e-12);
        for (int i = 0; i < p; i++) {
            a.add(i, i, lambda);
        }
        DMatrixRMaj b = new DMatrixRMaj(cross);
        DMatrixRMaj pull = theta0.copy();
        CommonOps_DDRM.scale(lambda, pull);
        CommonOps_DDRM.addEquals(b, pull);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        if (!solver.setA(a)) {
            return Optional.empty();
        }
        DMatrixRMaj x = new DMatrixRMaj(p, b.numCols);
        solver.solve(b, x);
        for (int i = 0; i < x.getNumElements(); i++) {
            if (!Double.isFinite(x.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(x);
    }

    /** Frobenius inner product of two matrices of one shape. */
    private static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            s += a.get(i) * b.get(i);
        }
        return s;
    }

    private static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }
}
