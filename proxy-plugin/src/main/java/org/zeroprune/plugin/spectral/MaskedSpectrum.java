package org.zeroprune.plugin.spectral;

import java.nio.FloatBuffer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightView;

/**
 * Singular values of a masked matrix {@code W_S} (its kept rows and kept columns, see {@link
 * UnitCut}), from the eigenvalues of the smaller Gram matrix: {@code W_S W_Sᵀ} when it has no more
 * rows than columns, else {@code W_Sᵀ W_S}. Both are {@code r × r} with {@code r = min(m', n')}, so
 * exactly {@code r} values come out; {@code σᵢ = sqrt(max(λᵢ, 0))}, the clamp absorbing round-off
 * below zero. Computed in double precision: {@link GramProduct}, then {@link SymmetricEigenvalues}
 * (tests check both against EJML's SVD).
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
        // B holds W_S oriented to have r columns (W_Sᵀ when m' ≤ n'), so that Bᵀ B is the smaller Gram
        boolean transpose = m <= n;
        int c = Math.max(m, n);
        double[][] values = ws.masked = grow(ws.masked, c, r);
        FloatBuffer data = weight.data();
        int width = weight.cols();
        for (int i = 0; i < m; i++) {
            int offset = rows[i] * width;
            if (transpose) {
                for (int j = 0; j < n; j++) {
                    values[j][i] = data.get(offset + cols[j]);
                }
            } else {
                double[] out = values[i];
                for (int j = 0; j < n; j++) {
                    out[j] = data.get(offset + cols[j]);
                }
            }
        }
        double[][] gram = ws.gram = grow(ws.gram, r, r);
        GramProduct.of(values, c, r, gram);
        ws.sigma = grow(ws.sigma, r);
        if (!ws.eigen.compute(gram, r, ws.sigma)) {
            throw new ScoringException("eigenvalues of the Gram matrix of '" + weight.name() + "' ("
                    + m + "×" + n + " kept) did not converge");
        }
        for (int i = 0; i < r; i++) {
            ws.sigma[i] = Math.sqrt(Math.max(ws.sigma[i], 0.0));
        }
        return r;
    }

    private static double[] grow(double[] buffer, int needed) {
        return buffer.length >= needed ? buffer : new double[Math.max(needed, 2 * buffer.length)];
    }

    // at least count rows of at least length each; rows of one length, as the largest matrix seen
    private static double[][] grow(double[][] rows, int count, int length) {
        int have = rows.length == 0 ? 0 : rows[0].length;
        if (rows.length >= count && have >= length) {
            return rows;
        }
        return new double[Math.max(count, rows.length)][Math.max(length, have)];
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
        final SymmetricEigenvalues eigen = new SymmetricEigenvalues();
        double[][] masked = new double[0][];
        double[][] gram = new double[0][];
        int[] rows = new int[64];
        int[] cols = new int[64];
        double[] sigma = new double[64];
    }
}
