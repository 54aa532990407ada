package org.zeroprune.plugin.spectral;

import java.nio.FloatBuffer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightView;

/**
 * Singular values of a masked matrix {@code W_S} (its kept rows and kept columns, see {@link
 * UnitCut}), from the eigenvalues of the smaller Gram matrix: {@code W_S W_Sᵀ} when it has no more
 * rows than columns, else {@code W_Sᵀ W_S}. Both are {@code r × r} with {@code r = min(m', n')}, so
 * exactly {@code r} values come out; {@code σᵢ = sqrt(max(λᵢ, 0))}, the clamp absorbing round-off
 * below zero. Computed in double precision with EJML's symmetric eigen decomposition.
 *
 * <p>Work arrays are per thread and grow to the largest matrix seen, so repeated calls allocate no
 * weight-sized array. Thread-safe.
 */
public final class MaskedSpectrum {
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private MaskedSpectrum() {
    }

    /**
     * The statistic of {@code weight} restricted to the kept units of its module.
     *
     * @param kept the module's kept units; its size is the module's unit count
     */
    public static double statistic(WeightView weight, UnitSet kept, SpectralStatistic statistic) {
        Workspace ws = WORKSPACE.get();
        int r = singularValues(weight, kept, ws);
        return statistic.of(ws.sigma, r);
    }

    /**
     * The singular values of the masked {@code weight}, in no particular order.
     *
     * @return a new array of length {@code r = min(m', n')}
     */
    public static double[] singularValues(WeightView weight, UnitSet kept) {
        Workspace ws = WORKSPACE.get();
        int r = singularValues(weight, kept, ws);
        double[] out = new double[r];
        System.arraycopy(ws.sigma, 0, out, 0, r);
        return out;
    }

    private static int singularValues(WeightView weight, UnitSet kept, Workspace ws) {
        int[] rows = ws.rows = keptIndices(weight.rows(), weight.rowCut(), kept, ws.rows);
        int m = keptLength(weight.rows(), weight.rowCut(), kept);
        int[] cols = ws.cols = keptIndices(weight.cols(), weight.colCut(), kept, ws.cols);
        int n = keptLength(weight.cols(), weight.colCut(), kept);
        int r = Math.min(m, n);
        if (r == 0) {
            return 0;
        }
        // the Gram of the smaller side is A·Aᵀ with A = W_S (m' ≤ n') or A = W_Sᵀ: materialising the
        // transpose lets EJML's row-major multOuter run, several times faster than multInner
        boolean transpose = m > n;
        DMatrixRMaj a = ws.masked;
        a.reshape(transpose ? n : m, transpose ? m : n, false);
        FloatBuffer data = weight.data();
        int width = weight.cols();
        double[] values = a.data;
        for (int i = 0; i < m; i++) {
            int offset = rows[i] * width;
            if (transpose) {
                for (int j = 0; j < n; j++) {
                    values[j * m + i] = data.get(offset + cols[j]);
                }
            } else {
                int out = i * n;
                for (int j = 0; j < n; j++) {
                    values[out + j] = data.get(offset + cols[j]);
                }
            }
        }
        DMatrixRMaj gram = ws.gram;
        gram.reshape(r, r, false);
        CommonOps_DDRM.multOuter(a, gram);
        if (!ws.eigen.decompose(gram)) {
            throw new ScoringException("eigen decomposition of the Gram matrix of '" + weight.name() + "' ("
                    + m + "×" + n + " kept) did not converge");
        }
        if (ws.sigma.length < r) {
            ws.sigma = new double[Math.max(r, 2 * ws.sigma.length)];
        }
        for (int i = 0; i < r; i++) {
            ws.sigma[i] = Math.sqrt(Math.max(ws.eigen.getEigenvalue(i).real, 0.0));
        }
        return r;
    }

    /** The length of an axis after the mask: all of it when uncut, else kept units × unit size. */
    public static int keptLength(int length, UnitCut cut, UnitSet kept) {
        return cut.keptLength(length, kept.count());
    }

    // fills (and if needed grows) buffer with the kept indices of one axis, in increasing order
    private static int[] keptIndices(int length, UnitCut cut, UnitSet kept, int[] buffer) {
        int needed = keptLength(length, cut, kept);
        int[] out = buffer.length >= needed ? buffer : new int[Math.max(needed, 2 * buffer.length)];
        if (!cut.isCut()) {
            for (int i = 0; i < length; i++) {
                out[i] = i;
            }
            return out;
        }
        int s = cut.unitSize();
        int n = 0;
        for (int w = 0; w < kept.wordCount(); w++) {
            for (long bits = kept.word(w); bits != 0L; bits &= bits - 1) {
                int start = ((w << 6) + Long.numberOfTrailingZeros(bits)) * s;
                for (int k = 0; k < s; k++) {
                    out[n++] = start + k;
                }
            }
        }
        return out;
    }

    private static final class Workspace {
        final DMatrixRMaj masked = new DMatrixRMaj(1, 1);
        final DMatrixRMaj gram = new DMatrixRMaj(1, 1);
        final EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(false, true);
        int[] rows = new int[64];
        int[] cols = new int[64];
        double[] sigma = new double[64];
    }
}
