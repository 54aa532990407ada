package org.zeroprune.plugin.spectral;

import java.util.Arrays;
import java.util.Locale;

/**
 * A capacity of one matrix from its singular values {@code σ₁ ≥ … ≥ σ_r}, {@code r = min(m, n)}
 * for an {@code m × n} matrix. A matrix with {@code r = 0} (all of an axis removed) has capacity 0,
 * and so does the zero matrix for the statistics that divide by a norm of it.
 */
public enum SpectralStatistic {
    /** Mean squared singular value {@code Σσᵢ² / r = ‖W‖²_F / r}; needs no decomposition. */
    FROBENIUS {
        @Override
        double fromSpectrum(double[] s, int r) {
            return sumOfSquares(s, r) / r;
        }
    },
    /** Mean singular value {@code Σσᵢ / r}. */
    MEAN_SINGULAR_VALUE {
        @Override
        double fromSpectrum(double[] s, int r) {
            return sum(s, r) / r;
        }
    },
    /**
     * Effective rank (Roy and Vetterli, 2007) {@code exp(−Σ pᵢ ln pᵢ)} with {@code pᵢ = σᵢ / Σσ},
     * terms with {@code pᵢ = 0} contributing 0.
     */
    EFFECTIVE_RANK {
        @Override
        double fromSpectrum(double[] s, int r) {
            double total = sum(s, r);
            if (total <= 0) {
                return 0.0;
            }
            double entropy = 0.0;
            for (int i = 0; i < r; i++) {
                double p = s[i] / total;
                if (p > 0) {
                    entropy -= p * Math.log(p);
                }
            }
            return Math.exp(entropy);
        }
    },
    /** Stable rank {@code Σσᵢ² / σ₁² = ‖W‖²_F / ‖W‖₂²}. */
    STABLE_RANK {
        @Override
        double fromSpectrum(double[] s, int r) {
            double max = max(s, r);
            return max <= 0 ? 0.0 : sumOfSquares(s, r) / (max * max);
        }
    },
    /** Nuclear norm {@code Σσᵢ}. */
    NUCLEAR_NORM {
        @Override
        double fromSpectrum(double[] s, int r) {
            return sum(s, r);
        }
    },
    /** Spectral norm {@code σ₁}. */
    SPECTRAL_NORM {
        @Override
        double fromSpectrum(double[] s, int r) {
            return max(s, r);
        }
    };

    /** The option word: the constant's name in lower case with hyphens, e.g. {@code stable-rank}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The statistic named {@code word} (see {@link #optionName()}). */
    public static SpectralStatistic fromOptionName(String word) {
        return Arrays.stream(values()).filter(s -> s.optionName().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no statistic '" + word + "'"));
    }

    /** Every option word, in declaration order. */
    public static String[] optionNames() {
        return Arrays.stream(values()).map(SpectralStatistic::optionName).toArray(String[]::new);
    }

    /**
     * The statistic of the singular values {@code sigma[0 .. r)} (any order, all ≥ 0); 0 when
     * {@code r == 0}.
     */
    public double of(double[] sigma, int r) {
        return r == 0 ? 0.0 : fromSpectrum(sigma, r);
    }

    abstract double fromSpectrum(double[] sigma, int r);

    private static double sum(double[] s, int r) {
        double t = 0;
        for (int i = 0; i < r; i++) {
            t += s[i];
        }
        return t;
    }

    private static double sumOfSquares(double[] s, int r) {
        double t = 0;
        for (int i = 0; i < r; i++) {
            t += s[i] * s[i];
        }
        return t;
    }

    private static double max(double[] s, int r) {
        double m = 0;
        for (int i = 0; i < r; i++) {
            m = Math.max(m, s[i]);
        }
        return m;
    }
}
