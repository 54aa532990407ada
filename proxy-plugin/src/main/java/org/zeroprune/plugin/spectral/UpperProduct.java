package org.zeroprune.plugin.spectral;

import java.util.Arrays;

/**
 * {@code y = T x} for the trailing block {@code T} of a symmetric matrix from row and column {@code s}
 * on, read from its upper triangle only (rows {@code t[r][r..n)}): row {@code r} adds {@code x[r] ·
 * T[r][k]} to each later {@code y[k]} and its dot product with {@code x} to {@code y[r]}.
 *
 * <p>Why eight rows per pass: each pass over the columns loads {@code x[k]} and {@code y[k]} once for
 * eight rows, and the eight dot products are independent sums that the core overlaps; the JIT does
 * not vectorise a floating-point sum, so one row at a time is bound by its addition latency.
 */
final class UpperProduct {
    private static final int ROWS = 8;

    private UpperProduct() {
    }

    /** Overwrites {@code y[s .. n)} with {@code T x} for {@code T = t[s..n)[s..n)}. */
    static void multiply(double[][] t, int s, int n, double[] x, double[] y) {
        Arrays.fill(y, s, n, 0.0);
        int r = s;
        for (; r + ROWS <= n; r += ROWS) {
            corner(t, r, x, y);
            eightRows(t, r, n, x, y);
        }
        for (; r < n; r++) {
            double[] row = t[r];
            double xr = x[r];
            for (int k = r + 1; k < n; k++) {
                y[k] += xr * row[k];
            }
            y[r] += row[r] * xr + BlockedTridiagonal.dot(row, x, r + 1, n);
        }
    }

    // the upper triangle of the diagonal block at (r, r), ROWS wide
    private static void corner(double[][] t, int r, double[] x, double[] y) {
        for (int i = r; i < r + ROWS; i++) {
            double[] row = t[i];
            double xi = x[i];
            double sum = row[i] * xi;
            for (int k = i + 1; k < r + ROWS; k++) {
                sum += row[k] * x[k];
                y[k] += row[k] * xi;
            }
            y[i] += sum;
        }
    }

    // rows r .. r + 7, columns r + 8 .. n
    private static void eightRows(double[][] t, int r, int n, double[] x, double[] y) {
        double[] t0 = t[r];
        double[] t1 = t[r + 1];
        double[] t2 = t[r + 2];
        double[] t3 = t[r + 3];
        double[] t4 = t[r + 4];
        double[] t5 = t[r + 5];
        double[] t6 = t[r + 6];
        double[] t7 = t[r + 7];
        double x0 = x[r];
        double x1 = x[r + 1];
        double x2 = x[r + 2];
        double x3 = x[r + 3];
        double x4 = x[r + 4];
        double x5 = x[r + 5];
        double x6 = x[r + 6];
        double x7 = x[r + 7];
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        for (int k = r + ROWS; k < n; k++) {
            double a0 = t0[k];
            double a1 = t1[k];
            double a2 = t2[k];
            double a3 = t3[k];
            double a4 = t4[k];
            double a5 = t5[k];
            double a6 = t6[k];
            double a7 = t7[k];
            double xk = x[k];
            y[k] += ((x0 * a0 + x1 * a1) + (x2 * a2 + x3 * a3)) + ((x4 * a4 + x5 * a5) + (x6 * a6 + x7 * a7));
            s0 += a0 * xk;
            s1 += a1 * xk;
            s2 += a2 * xk;
            s3 += a3 * xk;
            s4 += a4 * xk;
            s5 += a5 * xk;
            s6 += a6 * xk;
            s7 += a7 * xk;
        }
        y[r] += s0;
        y[r + 1] += s1;
        y[r + 2] += s2;
        y[r + 3] += s3;
        y[r + 4] += s4;
        y[r + 5] += s5;
        y[r + 6] += s6;
        y[r + 7] += s7;
    }
}
