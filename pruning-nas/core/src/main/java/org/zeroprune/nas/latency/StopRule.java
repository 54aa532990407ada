package org.zeroprune.nas.latency;

import java.util.Arrays;

/**
 * When alternating dense/pruned timing has measured the speed-up precisely enough to stop: after at
 * least {@code minPairs} pairs, once the distribution-free 95% confidence interval of the median
 * per-pair ratio (first / second) is within {@code ±tolerance} of that median. The interval comes
 * from order statistics, not a bootstrap, so the rule is deterministic and needs no resampling; it
 * narrows as pairs accumulate, unlike the spread of the ratios themselves, which a noisy machine
 * keeps wide however long it is timed. {@code maxPairs} caps the memory on a tiny model.
 */
public record StopRule(int minPairs, double tolerance, int maxPairs) {
    /** At least 8 pairs (the fewest for which the interval exists), ±2.5%, at most 1000 pairs. */
    public static final StopRule DEFAULT = new StopRule(8, 0.025, 1000);
    private static final double Z95 = 1.959964;

    /** Checks the bounds. */
    public StopRule {
        if (minPairs < 1 || maxPairs < minPairs || !(tolerance > 0)) {
            throw new IllegalArgumentException("need 1 <= minPairs <= maxPairs and tolerance > 0, got " + minPairs
                    + ", " + maxPairs + ", " + tolerance);
        }
    }

    /** Whether the first {@code n} ratios pin their median down to within the tolerance. */
    public boolean precise(double[] ratios, int n) {
        return n >= minPairs && relativeHalfWidth(ratios, n) <= tolerance;
    }

    /**
     * Half the width of the ~95% confidence interval of the median of {@code ratios[0..n)}, relative to
     * that median; infinite when {@code n} is too small for the interval (fewer than 8).
     */
    public static double relativeHalfWidth(double[] ratios, int n) {
        double half = Z95 * Math.sqrt(n) / 2;
        // 1-based ranks of the interval's ends (the binomial normal approximation, as in Conover's tables)
        int low = (int) Math.floor(n / 2.0 - half);
        int high = (int) Math.ceil(1 + n / 2.0 + half);
        if (n < 1 || low < 1 || high > n) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = Arrays.copyOf(ratios, n);
        Arrays.sort(sorted);
        double median = AlternatingTimer.median(sorted);
        return (sorted[high - 1] - sorted[low - 1]) / (2 * median);
    }
}
