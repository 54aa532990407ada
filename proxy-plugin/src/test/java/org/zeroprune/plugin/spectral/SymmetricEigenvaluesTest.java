package org.zeroprune.plugin.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The blocked tridiagonalisation and QL agree with EJML's symmetric eigen decomposition around the
 * panel width (one panel, a partial one, several), on degenerate structure and on Gram matrices.
 */
class SymmetricEigenvaluesTest {
    private static final int NB = BlockedTridiagonal.PANEL;
    private static final double TOLERANCE = 1e-11;

    // one instance for all sizes: the work arrays must be reused correctly as they shrink and grow
    private final SymmetricEigenvalues solver = new SymmetricEigenvalues();

    @Test
    void randomSymmetricMatricesAroundThePanelWidth() {
        Random random = new Random(5);
        for (int n : new int[] {1, 2, 3, NB - 1, NB, NB + 1, NB + 2, NB + 3, 2 * NB + 5, 200, 1024, 17}) {
            check(symmetric(n, random), n, "random " + n);
        }
    }

    @Test
    void onlyTheUpperTriangleIsRead() {
        int n = 2 * NB + 5;
        double[] a = symmetric(n, new Random(9));
        double[] expected = eigenvaluesOf(a, n);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i * n + j] = Double.NaN;
            }
        }
        double[] actual = new double[n];
        assertTrue(solver.compute(a, n, actual));
        SpectrumAssertions.assertSpectraClose(expected, actual, TOLERANCE, "NaN below the diagonal");
    }

    @Test
    void zeroColumnsTridiagonalAndDiagonalMatrices() {
        Random random = new Random(13);
        for (int n : new int[] {3, NB + 1, 2 * NB + 5, 150}) {
            double[] a = symmetric(n, random);
            for (int z : new int[] {0, 1, n / 2, n - 2, n - 1}) { // zero rows and columns
                for (int k = 0; k < n; k++) {
                    a[z * n + k] = 0.0;
                    a[k * n + z] = 0.0;
                }
            }
            check(a, n, "zero columns " + n);
            double[] tridiagonal = new double[n * n];
            for (int i = 0; i < n; i++) {
                tridiagonal[i * n + i] = random.nextGaussian();
                if (i + 1 < n) {
                    double x = i % 7 == 3 ? 0.0 : random.nextGaussian(); // some splits
                    tridiagonal[i * n + i + 1] = x;
                    tridiagonal[(i + 1) * n + i] = x;
                }
            }
            check(tridiagonal, n, "tridiagonal " + n);
            check(new double[n * n], n, "zero " + n);
        }
    }

    @Test
    void rankDeficientGramMatrices() {
        Random random = new Random(17);
        int[][] shapes = {{5, 40}, {NB - 3, 2 * NB + 5}, {70, 200}, {300, 1024}}; // B is c × r with c < r
        for (int[] shape : shapes) {
            int c = shape[0];
            int r = shape[1];
            double[][] b = new double[c][r];
            for (double[] row : b) {
                for (int j = 0; j < r; j++) {
                    row[j] = j % 11 == 3 ? 0.0 : random.nextGaussian() * 0.02; // zero scales are skipped
                }
            }
            double[][] gram = new double[r + 1][r + 2]; // larger than needed, as reused work arrays are
            GramProduct.of(b, c, r, gram);
            double[] flat = new double[r * r];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double expected = 0.0;
                    for (int k = 0; k < c; k++) {
                        expected += b[k][i] * b[k][j];
                    }
                    assertEquals(expected, gram[i][j], 1e-15 * c, "Gram entry " + i + ", " + j + " of " + c + "x" + r);
                    flat[i * r + j] = gram[i][j];
                }
            }
            double[] expected = eigenvaluesOf(flat, r);
            double[] actual = new double[r];
            assertTrue(solver.compute(gram, r, actual), "converged");
            SpectrumAssertions.assertSpectraClose(expected, actual, TOLERANCE, "Gram of rank " + c + " and size " + r);
            check(flat, r, "flat Gram of rank " + c + " and size " + r);
        }
    }

    private void check(double[] a, int n, String what) {
        double[] actual = new double[n];
        assertTrue(solver.compute(a.clone(), n, actual), what + ": converged");
        SpectrumAssertions.assertSpectraClose(eigenvaluesOf(a, n), actual, TOLERANCE, what);
    }

    private static double[] eigenvaluesOf(double[] a, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(DMatrixRMaj.wrap(n, n, a.clone())));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).real;
        }
        return out;
    }

    private static double[] symmetric(int n, Random random) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = random.nextGaussian();
                a[i * n + j] = x;
                a[j * n + i] = x;
            }
        }
        return a;
    }
}
