package org.zeroprune.plugin.spectral;

/**
 * Eigenvalues of a real symmetric matrix (no eigenvectors): blocked Householder reduction to
 * tridiagonal form ({@link BlockedTridiagonal}), then the implicit QL algorithm with Wilkinson-type
 * shifts (as EISPACK's {@code tql1} and JAMA's {@code tql2} without the vector updates).
 * Not thread-safe: one instance per thread; work arrays grow to the largest matrix seen.
 */
final class SymmetricEigenvalues {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_VALUE = 60;
    private final BlockedTridiagonal reduction = new BlockedTridiagonal();
    private double[] d = new double[0];
    private double[] e = new double[0];
    private double[][] rows = new double[0][];

    /**
     * The eigenvalues of the symmetric {@code n × n} row-major {@code a}, in no particular order.
     *
     * @param a full storage, of which only the upper triangle is read (into rows of its own, so
     *     {@code a} is left as it is)
     * @param out receives the {@code n} eigenvalues
     * @return false if the QL iteration did not converge
     */
    boolean compute(double[] a, int n, double[] out) {
        if (rows.length < n || n > 0 && rows[0].length < n) {
            rows = new double[n][n];
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n + i, rows[i], i, n - i);
        }
        return compute(rows, n, out);
    }

    /**
     * The eigenvalues of the symmetric {@code n × n} matrix with rows {@code a[0 .. n)}, in no
     * particular order.
     *
     * @param a rows at least {@code n} long, of which only the upper triangle is read; destroyed
     * @param out receives the {@code n} eigenvalues
     * @return false if the QL iteration did not converge
     */
    boolean compute(double[][] a, int n, double[] out) {
        if (n == 0) {
            return true;
        }
        if (d.length < n) {
            d = new double[n];
            e = new double[n];
        }
        reduction.reduce(a, n, d, e);
        boolean converged = ql(n);
        System.arraycopy(d, 0, out, 0, n);
        return converged;
    }

    // implicit QL on (d, e); eigenvalues end in d
    private boolean ql(int n) {
        double shift = 0.0;
        double tst1 = 0.0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
                m++;
            }
            int sweeps = 0;
            while (m > l) {
                if (++sweeps > MAX_SWEEPS_PER_VALUE) {
                    return false;
                }
                double g = d[l];
                double p = (d[l + 1] - g) / (2.0 * e[l]);
                double r = Math.sqrt(p * p + 1.0);
                if (p < 0) {
                    r = -r;
                }
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                double dl1 = d[l + 1];
                double h = g - d[l];
                for (int i = l + 2; i < n; i++) {
                    d[i] -= h;
                }
                shift += h;
                p = d[m];
                double c = 1.0;
                double c2 = c;
                double c3 = c;
                double el1 = e[l + 1];
                double s = 0.0;
                double s2 = 0.0;
                for (int i = m - 1; i >= l; i--) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = Math.sqrt(p * p + e[i] * e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if (Math.abs(e[l]) <= EPS * tst1) {
                    break;
                }
            }
            d[l] += shift;
            e[l] = 0.0;
        }
        return true;
    }
}
