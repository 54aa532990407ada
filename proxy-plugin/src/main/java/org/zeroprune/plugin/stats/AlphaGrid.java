package org.zeroprune.plugin.stats;

/**
 * The grid search of ZeroLM's balance α: α ∈ {i · 0.05 : i = −30 … 30}, i.e. [−1.5, 1.5] in 61
 * steps (computed from the integer {@code i}, so there is no drift), scoring candidate {@code j}
 * as {@code α·attention[j] + (1 − α)·ffn[j]}.
 *
 * <p>The chosen α maximises the rank correlation of those scores with a target. An undefined
 * correlation (NaN, from constant scores) is never chosen. Ties are broken deterministically:
 * among the α with the maximal correlation, the one closest to 0.5, then the smaller.
 */
public final class AlphaGrid {
    /** Smallest grid index; α = index × {@link #STEP}. */
    public static final int MIN_INDEX = -30;
    /** Largest grid index. */
    public static final int MAX_INDEX = 30;
    /** Grid step. */
    public static final double STEP = 0.05;
    private static final int HALF_INDEX = 10;

    private AlphaGrid() {
    }

    /** The grid value of index {@code i}: {@code i / 20}, the double nearest to {@code i × 0.05} (0.7, not 0.7000000000000001). */
    public static double alpha(int index) {
        return index / 20.0;
    }

    /**
     * The outcome of a grid search.
     *
     * @param alpha the chosen α; 0.5 when every correlation was undefined
     * @param correlation its correlation with the target; NaN when every correlation was undefined
     * @param degenerate whether every correlation was undefined
     */
    public record Selection(double alpha, double correlation, boolean degenerate) {
    }

    /**
     * Searches the grid.
     *
     * @param attention {@code S_attn} per candidate
     * @param ffn {@code S_ffn} per candidate
     * @param target what the scores should rank like (a quality, a parameter count)
     * @param correlation how agreement is measured
     */
    public static Selection select(double[] attention, double[] ffn, double[] target, RankCorrelation correlation) {
        int n = target.length;
        if (attention.length != n || ffn.length != n) {
            throw new IllegalArgumentException("lengths differ: " + attention.length + ", " + ffn.length + ", " + n);
        }
        double[] scores = new double[n];
        int best = Integer.MIN_VALUE;
        double bestValue = Double.NaN;
        for (int i = MIN_INDEX; i <= MAX_INDEX; i++) {
            double a = alpha(i);
            for (int j = 0; j < n; j++) {
                scores[j] = a * attention[j] + (1.0 - a) * ffn[j];
            }
            double value = correlation.of(scores, target);
            if (Double.isNaN(value)) {
                continue;
            }
            if (best == Integer.MIN_VALUE || value > bestValue || (value == bestValue && closerToHalf(i, best))) {
                best = i;
                bestValue = value;
            }
        }
        if (best == Integer.MIN_VALUE) {
            return new Selection(alpha(HALF_INDEX), Double.NaN, true);
        }
        return new Selection(alpha(best), bestValue, false);
    }

    // integer distances, so that 0.45 and 0.55 tie exactly and the smaller wins
    private static boolean closerToHalf(int candidate, int incumbent) {
        int dc = Math.abs(candidate - HALF_INDEX);
        int di = Math.abs(incumbent - HALF_INDEX);
        return dc < di || (dc == di && candidate < incumbent);
    }
}
