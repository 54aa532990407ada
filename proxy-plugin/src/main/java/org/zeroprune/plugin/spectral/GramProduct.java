package org.zeroprune.plugin.spectral;

/**
 * The Gram matrix {@code G = Bᵀ B} of a {@code c × r} matrix {@code B} given as rows: {@code G[i][j] =
 * Σ_k B[k][i] · B[k][j]}, an {@code r × r} symmetric matrix written as rows.
 *
 * <p>Why not a dot product per entry: the JIT does not vectorise a floating-point sum, but it does
 * vectorise {@code g[j] += s · b[j]} (one index for all arrays, hence rows rather than one flat
 * array). So each row of {@code G} is accumulated as scaled rows of {@code B}, over blocks of
 * {@value #BLOCK} rows of {@code B} that stay in cache while every row of {@code G} passes over them,
 * four rows of {@code B} per pass (zero scales skipped) so that the row of {@code G} is loaded and
 * stored a quarter as often; only the upper triangle is computed, then mirrored.
 */
final class GramProduct {
    /** Rows of {@code B} per block: 32 rows of 1024 doubles are 256 KiB, within a core's L2. */
    static final int BLOCK = 32;

    private GramProduct() {
    }

    /**
     * Writes {@code Bᵀ B} to {@code gram[0 .. r)[0 .. r)}.
     *
     * @param b {@code c} rows, each at least {@code r} long
     * @param c rows of {@code B}
     * @param r columns of {@code B}
     * @param gram at least {@code r} rows, each at least {@code r} long; overwritten
     */
    static void of(double[][] b, int c, int r, double[][] gram) {
        for (int i = 0; i < r; i++) {
            java.util.Arrays.fill(gram[i], i, r, 0.0);
        }
        double[][] from = new double[BLOCK][];
        double[] scale = new double[BLOCK];
        for (int k0 = 0; k0 < c; k0 += BLOCK) {
            int k1 = Math.min(c, k0 + BLOCK);
            for (int i = 0; i < r; i++) {
                int count = 0;
                for (int k = k0; k < k1; k++) {
                    double s = b[k][i];
                    if (s != 0.0) {
                        from[count] = b[k];
                        scale[count++] = s;
                    }
                }
                accumulate(from, scale, count, gram[i], i, r);
            }
        }
        for (int i = 1; i < r; i++) {
            double[] row = gram[i];
            for (int j = 0; j < i; j++) {
                row[j] = gram[j][i];
            }
        }
    }

    // g[lo .. hi) += Σ_t scale[t] · from[t][lo .. hi), four terms per pass
    private static void accumulate(double[][] from, double[] scale, int count, double[] g, int lo, int hi) {
        int t = 0;
        for (; t + 3 < count; t += 4) {
            double[] b0 = from[t];
            double[] b1 = from[t + 1];
            double[] b2 = from[t + 2];
            double[] b3 = from[t + 3];
            double s0 = scale[t];
            double s1 = scale[t + 1];
            double s2 = scale[t + 2];
            double s3 = scale[t + 3];
            for (int j = lo; j < hi; j++) {
                g[j] += (s0 * b0[j] + s1 * b1[j]) + (s2 * b2[j] + s3 * b3[j]);
            }
        }
        for (; t < count; t++) {
            double[] b0 = from[t];
            double s0 = scale[t];
            for (int j = lo; j < hi; j++) {
                g[j] += s0 * b0[j];
            }
        }
    }
}
