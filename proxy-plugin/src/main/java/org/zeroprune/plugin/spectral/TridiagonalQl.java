package org.zeroprune.plugin.spectral;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm with Wilkinson-type
 * shifts, as EISPACK's {@code tql1} and JAMA's {@code tql2} without the vector updates.
 */
final class TridiagonalQl {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_VALUE = 60;

    private TridiagonalQl() {
    }

    /**
     * Overwrites {@code d[0 .. n)} with the eigenvalues of the symmetric tridiagonal matrix with
     * diagonal {@code d} and off-diagonal {@code e} ({@code e[k]} couples {@code k} and {@code k + 1},
     * {@code e[n − 1] = 0}); {@code e} is destroyed.
     *
     * @return false if some eigenvalue took more than {@value #MAX_SWEEPS_PER_VALUE} sweeps
     */
    static boolean eigenvalues(double[] d, double[] e, int n) {
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
