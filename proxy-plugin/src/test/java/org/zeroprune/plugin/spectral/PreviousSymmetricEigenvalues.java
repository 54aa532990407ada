package org.zeroprune.plugin.spectral;

/**
 * The unblocked solver this package used before {@link BlockedTridiagonal}, kept for {@link
 * EigenTiming} to time against: Householder reduction on full row-major storage, one fused pass over
 * the trailing matrix per step (step {@code k}'s rank-2 update of a row, then that row's share of
 * step {@code k + 1}'s {@code T v}), then implicit QL. Its loops index their arrays at different
 * offsets ({@code a[i + j] += s · v[j]}), which the JIT of Java 17 leaves scalar.
 */
final class PreviousSymmetricEigenvalues {
    private double[] d = new double[0];
    private double[] e = new double[0];
    private double[] v = new double[0];
    private double[] w = new double[0];
    private double[] nextV = new double[0];
    private double[] nextW = new double[0];

    /**
     * The eigenvalues of the symmetric {@code n × n} row-major {@code a}, in no particular order.
     *
     * @param a full storage; destroyed
     * @param out receives the {@code n} eigenvalues
     * @return false if the QL iteration did not converge
     */
    boolean compute(double[] a, int n, double[] out) {
        if (n == 0) {
            return true;
        }
        if (d.length < n) {
            d = new double[n];
            e = new double[n];
            v = new double[n];
            w = new double[n];
            nextV = new double[n];
            nextW = new double[n];
        }
        tridiagonalize(a, n);
        boolean converged = TridiagonalQl.eigenvalues(d, e, n);
        System.arraycopy(d, 0, out, 0, n);
        return converged;
    }

    // d[k] diagonal, e[k] couples k and k + 1, e[n − 1] = 0. Step k's rank-2 update of row i is
    // followed at once by that row's share of step k + 1's p = T v, while the row is in cache: one
    // pass over the trailing matrix per step instead of two, with the same sums in the same order.
    private void tridiagonalize(double[] a, int n) {
        boolean pending = false; // whether w already holds T v for step k (v set, e[k] set)
        double beta = 0.0;
        for (int k = 0; k < n - 2; k++) {
            int start = k + 1;
            int m = n - start;
            d[k] = a[k * n + k];
            if (!pending) {
                beta = householder(a, k * n + start, m, v, k);
                if (beta == 0.0) {
                    continue;
                }
                java.util.Arrays.fill(w, 0, m, 0.0);
                for (int i = 0; i < m; i++) {
                    axpy(v[i], a, (start + i) * n + start, w, m);
                }
            }
            // w = β T v − (β² vᵀ T v / 2) v
            double pv = 0.0;
            for (int j = 0; j < m; j++) {
                w[j] *= beta;
                pv += w[j] * v[j];
            }
            double half = 0.5 * beta * pv;
            for (int j = 0; j < m; j++) {
                w[j] -= half * v[j];
            }
            int first = start * n + start;
            rank2(a, first, v[0], w[0], v, w, m);
            pending = false;
            if (k + 1 < n - 2) {
                beta = householder(a, first + 1, m - 1, nextV, k + 1);
                pending = beta != 0.0;
                if (pending) {
                    java.util.Arrays.fill(nextW, 0, m - 1, 0.0);
                }
            }
            for (int i = 1; i < m; i++) {
                int row = (start + i) * n + start;
                rank2(a, row, v[i], w[i], v, w, m);
                if (pending) {
                    axpy(nextV[i - 1], a, row + 1, nextW, m - 1);
                }
            }
            double[] t = v;
            v = nextV;
            nextV = t;
            t = w;
            w = nextW;
            nextW = t;
        }
        if (n >= 2) {
            d[n - 2] = a[(n - 2) * n + n - 2];
            e[n - 2] = a[(n - 2) * n + n - 1];
        }
        d[n - 1] = a[n * n - 1];
        e[n - 1] = 0.0;
    }

    /**
     * The Householder vector {@code v} (into {@code out}) that maps {@code x = a[offset .. offset + m)}
     * to {@code (α, 0, …, 0)}, {@code α = −sign(x₀)‖x‖}, stored as {@code e[k] = α}; returns
     * {@code β = 2 / vᵀv}, or 0 (and {@code e[k] = x₀}) when {@code x} is already reduced.
     */
    private double householder(double[] a, int offset, int m, double[] out, int k) {
        double x0 = a[offset];
        double tail = 0.0;
        for (int j = 1; j < m; j++) {
            double x = a[offset + j];
            tail += x * x;
        }
        if (tail == 0.0) {
            e[k] = x0;
            return 0.0;
        }
        double norm = Math.sqrt(x0 * x0 + tail);
        double alpha = x0 > 0 ? -norm : norm;
        out[0] = x0 - alpha;
        System.arraycopy(a, offset + 1, out, 1, m - 1);
        e[k] = alpha;
        return 2.0 / (out[0] * out[0] + tail);
    }

    // y[0 .. m) += s · a[offset .. offset + m)
    private static void axpy(double s, double[] a, int offset, double[] y, int m) {
        if (s != 0.0) {
            for (int j = 0; j < m; j++) {
                y[j] += s * a[offset + j];
            }
        }
    }

    // a[offset + j] −= vi · w[j] + wi · v[j]
    private static void rank2(double[] a, int offset, double vi, double wi, double[] v, double[] w, int m) {
        for (int j = 0; j < m; j++) {
            a[offset + j] -= vi * w[j] + wi * v[j];
        }
    }
}
