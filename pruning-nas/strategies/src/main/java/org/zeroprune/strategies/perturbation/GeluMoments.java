package org.zeroprune.strategies.perturbation;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;

/**
 * {@code E[GELU(u)²]} for {@code u ~ N(μ, s²)}, where {@code GELU(u) = u·Φ(u)} (the exact, erf-based
 * GELU of BERT), to about 1e-10 relative. The range of {@code u} is split where {@code Φ} saturates
 * in double precision:
 * <ul>
 *   <li>{@code u > 8}: {@code Φ(u) = 1}, so the part is {@code E[u²·1(u > 8)] = μ²Q(a) + 2μsφ(a) +
 *       s²(aφ(a) + Q(a))}, {@code a = (8 − μ)/s}, {@code Q = 1 − Φ};
 *   <li>{@code u < −8}: {@code GELU(u)² < 1e-28}, left out;
 *   <li>{@code [−8, 8]} intersected with {@code [μ − 10s, μ + 10s]}: composite Gauss–Legendre,
 *       {@value #PANELS} panels of {@value #POINTS} points, whose width stays below both the scale
 *       of GELU (1) and that of the density ({@code s}).
 * </ul>
 * (A plain Gauss–Hermite rule is not enough: for large {@code s} the bend of GELU becomes narrow
 * relative to the density and its error grows to 1e-3.) Thread-safe.
 */
final class GeluMoments {
    static final int PANELS = 32;
    static final int POINTS = 8;
    private static final double SATURATION = 8.0;
    private static final double DENSITY_REACH = 10.0;
    private static final double[] NODES = new double[POINTS];
    private static final double[] WEIGHTS = new double[POINTS];

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(POINTS);
        for (int k = 0; k < POINTS; k++) {
            NODES[k] = rule.getPoint(k);
            WEIGHTS[k] = rule.getWeight(k);
        }
    }

    private GeluMoments() {
    }

    /** {@code GELU(u) = u·Φ(u) = u·(1 + erf(u/√2))/2}. */
    static double gelu(double u) {
        return 0.5 * u * (1.0 + Erf.erf(u / Math.sqrt(2.0)));
    }

    /** {@code E[GELU(u)²]}, {@code u ~ N(mean, std²)}; {@code std = 0} gives {@code GELU(mean)²}. */
    static double secondMoment(double mean, double std) {
        if (std == 0.0) {
            double g = gelu(mean);
            return g * g;
        }
        return saturatedPart(mean, std) + middlePart(mean, std);
    }

    // E[u² 1(u > 8)]
    private static double saturatedPart(double mean, double std) {
        double a = (SATURATION - mean) / std;
        double density = Math.exp(-0.5 * a * a) / Math.sqrt(2.0 * Math.PI);
        double upper = 0.5 * Erf.erfc(a / Math.sqrt(2.0));
        return mean * mean * upper + 2.0 * mean * std * density + std * std * (a * density + upper);
    }

    // ∫ GELU(u)² N(u; μ, s²) du over [−8, 8] ∩ [μ − 10s, μ + 10s]
    private static double middlePart(double mean, double std) {
        double lo = Math.max(-SATURATION, mean - DENSITY_REACH * std);
        double hi = Math.min(SATURATION, mean + DENSITY_REACH * std);
        if (lo >= hi) {
            return 0.0;
        }
        double width = (hi - lo) / PANELS;
        double norm = 1.0 / (std * Math.sqrt(2.0 * Math.PI));
        double sum = 0.0;
        for (int p = 0; p < PANELS; p++) {
            double centre = lo + (p + 0.5) * width;
            for (int k = 0; k < POINTS; k++) {
                double u = centre + 0.5 * width * NODES[k];
                double g = gelu(u);
                double z = (u - mean) / std;
                sum += WEIGHTS[k] * g * g * norm * Math.exp(-0.5 * z * z);
            }
        }
        return sum * 0.5 * width;
    }
}
