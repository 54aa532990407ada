package org.zeroprune.plugin.spectral;

/**
 * The Gram matrix {@code G = Bᵀ B} of a row-major {@code c × r} matrix {@code B}: {@code G[i][j] =
 * Σ_k B[k][i] · B[k][j]}, an {@code r × r} symmetric matrix in full row-major storage.
 *
 * <p>Why not a dot product per entry: the JIT does not vectorise a floating-point sum, but it does
 * vectorise {@code g[j] += s · b[j]}. So each row of {@code G} is accumulated as scaled rows of
 * {@code B}, over blocks of {@value #BLOCK} rows of {@code B} that stay in cache while every row of
 * {@code G} passes over them; only the upper triangle is computed, then mirrored. Each entry sums
 * its {@code c} products in increasing {@code k}.
 */
final class GramProduct {
    /** Rows of {@code B} per block: 32 rows of 1024 doubles are 256 KiB, within a core's L2. */
    static final int BLOCK = 32;

    private GramProduct() {
    }

    /**
     * Writes {@code Bᵀ B} to {@code gram[0 .. r·r)}.
     *
     * @param b row-major {@code c × r}
     * @param c rows of {@code B}
     * @param r columns of {@code B}
     * @param gram at least {@code r·r} long; overwritten
     */
    static void of(double[] b, int c, int r, double[] gram) {
        java.util.Arrays.fill(gram, 0, r * r, 0.0);
        for (int k0 = 0; k0 < c; k0 += BLOCK) {
            int k1 = Math.min(c, k0 + BLOCK);
            for (int i = 0; i < r; i++) {
                int out = i * r;
                for (int k = k0; k < k1; k++) {
                    int row = k * r;
                    double s = b[row + i];
                    if (s == 0.0) {
                        continue;
                    }
                    for (int j = i; j < r; j++) {
                        gram[out + j] += s * b[row + j];
                    }
                }
            }
        }
        for (int i = 1; i < r; i++) {
            for (int j = 0; j < i; j++) {
                gram[i * r + j] = gram[j * r + i];
            }
        }
    }
}
