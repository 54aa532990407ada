package org.zeroprune.nas.benchmark.flexibert;

import java.util.Arrays;

/**
 * Mean and spread of one number across seeds. The spread is the sample standard deviation
 * {@code sqrt(Σ(xᵢ − x̄)² / (n − 1))}, 0 for a single value. NaN values (a constant proxy) are
 * left out; with none left, both are NaN.
 *
 * @param mean the mean
 * @param sd the sample standard deviation
 * @param count how many values were summarised
 */
public record Spread(double mean, double sd, int count) {

    /** The spread of {@code values}. */
    public static Spread of(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(finite).sum() / n;
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0, n);
    }
}
