package org.zeroprune.plugin.spectral;

/**
 * Eigenvalues of a real symmetric matrix (no eigenvectors): blocked Householder reduction to
 * tridiagonal form ({@link BlockedTridiagonal}), then implicit QL ({@link TridiagonalQl}).
 * Not thread-safe: one instance per thread; work arrays grow to the largest matrix seen.
 */
final class SymmetricEigenvalues {
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
        boolean converged = TridiagonalQl.eigenvalues(d, e, n);
        System.arraycopy(d, 0, out, 0, n);
        return converged;
    }
}
