package org.zeroprune.plugin.spectral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.FixtureWeight;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;

/**
 * The fast spectrum (Gram matrix, Householder tridiagonalisation, implicit QL) agrees with EJML's
 * SVD of the masked matrix and with EJML's symmetric eigen decomposition, to round-off.
 */
class MaskedSpectrumTest {

    @Test
    void singularValuesMatchEjmlSvdOfTheMaskedMatrix() {
        int[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {2, 2}, {5, 9}, {9, 5}, {64, 64}, {48, 130}, {130, 48}, {200, 200}};
        for (int[] shape : shapes) {
            for (long seed = 1; seed <= 3; seed++) {
                float[] values = gaussian(shape[0] * shape[1], seed, 0.02);
                FixtureWeight w = FixtureWeight.matrix("w", WeightRole.OTHER, shape[0], shape[1], UnitCut.NONE,
                        UnitCut.NONE, values);
                assertSame(reference(values, shape[0], shape[1]), MaskedSpectrum.singularValues(w, UnitSet.all(1)),
                        shape[0] + "x" + shape[1] + " seed " + seed);
            }
        }
    }

    @Test
    void maskedRowsAndColumnsMatchEjmlSvdOfTheKeptBlock() {
        // 6 units of 4 rows, columns cut by 3: keep units 0, 2, 5 on both axes
        int rows = 24;
        int cols = 18;
        float[] values = gaussian(rows * cols, 7, 1.0);
        FixtureWeight w = FixtureWeight.matrix("w", WeightRole.FFN_HIDDEN, rows, cols, UnitCut.of(4), UnitCut.of(3),
                values);
        UnitSet kept = UnitSet.of(6, 0, 2, 5);
        int[] keptRows = range(new int[] {0, 2, 5}, 4);
        int[] keptCols = range(new int[] {0, 2, 5}, 3);
        float[] block = new float[keptRows.length * keptCols.length];
        for (int i = 0; i < keptRows.length; i++) {
            for (int j = 0; j < keptCols.length; j++) {
                block[i * keptCols.length + j] = values[keptRows[i] * cols + keptCols[j]];
            }
        }
        assertSame(reference(block, keptRows.length, keptCols.length), MaskedSpectrum.singularValues(w, kept),
                "kept block");
    }

    @Test
    void rankDeficientAndZeroMatricesGiveZeroSingularValues() {
        // rank 1: every row a multiple of the first
        int m = 30;
        int n = 40;
        float[] first = gaussian(n, 3, 1.0);
        float[] values = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                values[i * n + j] = first[j] * (i + 1);
            }
        }
        FixtureWeight w = FixtureWeight.matrix("w", WeightRole.OTHER, m, n, UnitCut.NONE, UnitCut.NONE, values);
        assertSame(reference(values, m, n), MaskedSpectrum.singularValues(w, UnitSet.all(1)), "rank 1");
        FixtureWeight zero = FixtureWeight.matrix("z", WeightRole.OTHER, 5, 8, UnitCut.NONE, UnitCut.NONE,
                new float[40]);
        assertSame(new double[5], MaskedSpectrum.singularValues(zero, UnitSet.all(1)), "zero matrix");
    }

    @Test
    void eigenvaluesMatchEjmlOnSymmetricMatricesWithRepeatsAndNegatives() {
        Random random = new Random(11);
        for (int n : new int[] {1, 2, 3, 10, 57, 150}) {
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double x = random.nextGaussian();
                    a[i * n + j] = x;
                    a[j * n + i] = x;
                }
            }
            checkEigenvalues(a, n, "random symmetric " + n);
            double[] diagonal = new double[n * n];
            for (int i = 0; i < n; i++) {
                diagonal[i * n + i] = i % 3 - 1.0; // repeated values -1, 0, 1
            }
            checkEigenvalues(diagonal, n, "diagonal " + n);
        }
    }

    private static void checkEigenvalues(double[] a, int n, String what) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(false, true);
        assertTrue(eig.decompose(DMatrixRMaj.wrap(n, n, a.clone())));
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = eig.getEigenvalue(i).real;
        }
        double[] actual = new double[n];
        assertTrue(new SymmetricEigenvalues().compute(a.clone(), n, actual), what);
        SpectrumAssertions.assertSpectraClose(expected, actual, 1e-12, what);
    }

    private static double[] reference(float[] values, int m, int n) {
        double[] a = new double[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = values[i];
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, false, false, true);
        assertTrue(svd.decompose(DMatrixRMaj.wrap(m, n, a)));
        return Arrays.copyOf(svd.getSingularValues(), Math.min(m, n));
    }

    // sorted, squares equal to 1e-12 of the largest square: the Gram squares the condition number, so
    // a singular value σ carries an error of about ε·σ₁²/σ, large only for σ near 0
    private static void assertSame(double[] expected, double[] actual, String what) {
        SpectrumAssertions.assertSpectraClose(squares(expected), squares(actual), 1e-12, what);
    }

    private static double[] squares(double[] values) {
        return Arrays.stream(values).map(x -> x * x).toArray();
    }

    private static int[] range(int[] units, int size) {
        int[] out = new int[units.length * size];
        for (int u = 0; u < units.length; u++) {
            for (int k = 0; k < size; k++) {
                out[u * size + k] = units[u] * size + k;
            }
        }
        return out;
    }

    private static float[] gaussian(int count, long seed, double std) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }
}
