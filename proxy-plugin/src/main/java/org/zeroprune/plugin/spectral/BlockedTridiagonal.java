package org.zeroprune.plugin.spectral;

import java.util.Arrays;

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, blocked as LAPACK's {@code
 * dsytrd}/{@code dlatrd}: a panel of {@value #PANEL} columns is reduced with products {@code y = T v}
 * against the trailing matrix as it was at the panel's start, corrected by the panel's pending
 * reflections {@code V Wᵀ + W Vᵀ}; then one rank-2·{@value #PANEL} update {@code T ← T − V Wᵀ − W Vᵀ}
 * brings the trailing matrix up to date. Step {@code k} reflects {@code x = T[k][k+1..n)} with
 * {@code H = I − β v vᵀ}, {@code v = x − α e₁}, {@code α = −sign(x₀)‖x‖}, {@code w = β T v − (β² vᵀ
 * T v / 2) v}.
 *
 * <p>Why blocked: the unblocked reduction reads and writes the whole trailing matrix for every
 * column (memory-bound beyond L2); here each column only reads it, and the writes come once per
 * panel, row by row with the row in cache. Only the upper triangle is read and updated (row {@code
 * k} right of the diagonal is column {@code k} below it), which halves both. The matrix is an array
 * of rows and every vector is indexed by matrix row or column, so that the update loops index all
 * their arrays alike: the JIT of Java 17 vectorises {@code a[k] += s · b[k]} but not {@code a[i + k]
 * += s · b[j + k]}, whose arrays it cannot prove distinct. Not thread-safe.
 */
final class BlockedTridiagonal {
    /** Columns per panel: 2·32 vectors of 1024 doubles are 512 KiB, within a core's L2. */
    static final int PANEL = 32;

    // the panel's vectors, indexed by matrix row: v[q][r], defined for r > panel start + q
    private double[][] v = new double[PANEL][0];
    private double[][] w = new double[PANEL][0];
    private double[] y = new double[0];

    /**
     * Reduces the symmetric {@code n × n} matrix with rows {@code t} (upper triangle read; destroyed)
     * to diagonal {@code d[0 .. n)} and off-diagonal {@code e[0 .. n − 1)}, {@code e[n − 1] = 0}.
     */
    void reduce(double[][] t, int n, double[] d, double[] e) {
        if (y.length < n) {
            v = new double[PANEL][n];
            w = new double[PANEL][n];
            y = new double[n];
        }
        int last = n - 2; // columns 0 .. n − 3 have something below the subdiagonal
        for (int start = 0; start < last; start += PANEL) {
            int width = Math.min(PANEL, last - start);
            panel(t, n, start, width, d, e);
            update(t, n, start + width, width);
        }
        if (n >= 2) {
            d[n - 2] = t[n - 2][n - 2];
            e[n - 2] = t[n - 2][n - 1];
        }
        d[n - 1] = t[n - 1][n - 1];
        e[n - 1] = 0.0;
    }

    private void panel(double[][] t, int n, int start, int width, double[] d, double[] e) {
        for (int j = 0; j < width; j++) {
            int c = start + j;
            double[] row = t[c];
            updateRow(row, c, n, j); // row c catches up with the panel's earlier reflections
            d[c] = row[c];
            int s = c + 1;
            double[] vj = v[j];
            double[] wj = w[j];
            double beta = householder(row, s, n, vj, e, c);
            if (beta == 0.0) {
                Arrays.fill(vj, s, n, 0.0);
                Arrays.fill(wj, s, n, 0.0);
                continue;
            }
            UpperProduct.multiply(t, s, n, vj, y);
            correct(j, vj, s, n);
            double half = 0.5 * beta * beta * dot(y, vj, s, n);
            for (int k = s; k < n; k++) {
                wj[k] = beta * y[k] - half * vj[k];
            }
        }
    }

    // brings the rows after the panel up to date
    private void update(double[][] t, int n, int first, int width) {
        for (int r = first; r < n; r++) {
            updateRow(t[r], r, n, width);
        }
    }

    // row[r..n) −= Σ_{q < width} v_q[r] w_q[r..n) + w_q[r] v_q[r..n), two reflections per pass
    private void updateRow(double[] row, int r, int n, int width) {
        int q = 0;
        for (; q + 1 < width; q += 2) {
            double[] v0 = v[q];
            double[] w0 = w[q];
            double[] v1 = v[q + 1];
            double[] w1 = w[q + 1];
            double a0 = v0[r];
            double b0 = w0[r];
            double a1 = v1[r];
            double b1 = w1[r];
            for (int k = r; k < n; k++) {
                row[k] -= (a0 * w0[k] + b0 * v0[k]) + (a1 * w1[k] + b1 * v1[k]);
            }
        }
        if (q < width) {
            double[] v0 = v[q];
            double[] w0 = w[q];
            double a0 = v0[r];
            double b0 = w0[r];
            for (int k = r; k < n; k++) {
                row[k] -= a0 * w0[k] + b0 * v0[k];
            }
        }
    }

    // y[s..n) −= Σ_{q < j} v_q (w_qᵀ x) + w_q (v_qᵀ x): T v_j for the trailing matrix as it is now,
    // not as at the panel's start; two reflections per pass, their four dot products in one loop
    private void correct(int j, double[] x, int s, int n) {
        for (int q = 0; q < j; q += 2) {
            double[] v0 = v[q];
            double[] w0 = w[q];
            boolean two = q + 1 < j;
            double[] v1 = two ? v[q + 1] : v0; // a lone last reflection pairs with itself, weighted 0
            double[] w1 = two ? w[q + 1] : w0;
            double a0 = 0.0;
            double b0 = 0.0;
            double a1 = 0.0;
            double b1 = 0.0;
            for (int k = s; k < n; k++) {
                double xk = x[k];
                a0 += w0[k] * xk;
                b0 += v0[k] * xk;
                a1 += w1[k] * xk;
                b1 += v1[k] * xk;
            }
            if (!two) {
                a1 = 0.0;
                b1 = 0.0;
            }
            for (int k = s; k < n; k++) {
                y[k] -= (a0 * v0[k] + b0 * w0[k]) + (a1 * v1[k] + b1 * w1[k]);
            }
        }
    }

    /**
     * {@code v_j} (into {@code out[s .. n)}) mapping {@code x = row[s .. n)} to {@code (α, 0, …, 0)},
     * stored as {@code e[k] = α}; returns {@code β = 2 / vᵀv}, or 0 (and {@code e[k] = x₀}) when
     * {@code x} is already reduced.
     */
    private static double householder(double[] row, int s, int n, double[] out, double[] e, int k) {
        double x0 = row[s];
        double tail = dot(row, row, s + 1, n);
        if (tail == 0.0) {
            e[k] = x0;
            return 0.0;
        }
        double norm = Math.sqrt(x0 * x0 + tail);
        double alpha = x0 > 0 ? -norm : norm;
        out[s] = x0 - alpha;
        System.arraycopy(row, s + 1, out, s + 1, n - s - 1);
        e[k] = alpha;
        return 2.0 / (out[s] * out[s] + tail);
    }

    // Σ x[k] z[k] over [from, to), four accumulators: the JIT does not vectorise a floating-point
    // sum, but the core overlaps independent ones
    static double dot(double[] x, double[] z, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += x[k] * z[k];
            s1 += x[k + 1] * z[k + 1];
            s2 += x[k + 2] * z[k + 2];
            s3 += x[k + 3] * z[k + 3];
        }
        for (; k < to; k++) {
            s0 += x[k] * z[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
