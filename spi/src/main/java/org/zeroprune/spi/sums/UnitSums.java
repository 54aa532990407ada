package org.zeroprune.spi.sums;

import org.zeroprune.spi.mask.UnitSet;

/**
 * One non-negative value per unit, summed over the units of a {@link UnitSet}:
 * {@code sum(S) = Σ_{u ∈ S} value[u]}.
 *
 * <p>Works a 64-bit word at a time: a word that keeps all of its units adds a precomputed word
 * total, an empty word adds nothing, and a mixed word walks its set bits or its cleared bits,
 * whichever are fewer (subtracting the cleared ones from the word total). The full and the empty
 * set cost O(1). This is what makes scoring O(layers × words) instead of O(units).
 */
public final class UnitSums {
    private final double[] values;
    private final double[] wordTotals;
    private final long[] wordMasks;
    private final double total;

    /**
     * Per-unit values and their total.
     *
     * @param values {@code values[u]} for every unit {@code u}; copied
     */
    public UnitSums(double[] values) {
        this.values = values.clone();
        int words = (values.length + 63) >>> 6;
        this.wordTotals = new double[words];
        this.wordMasks = new long[words];
        double t = 0;
        for (int u = 0; u < values.length; u++) {
            wordTotals[u >>> 6] += values[u];
            wordMasks[u >>> 6] |= 1L << u;
            t += values[u];
        }
        this.total = t;
    }

    /** {@return the number of units} */
    public int size() {
        return values.length;
    }

    /**
     * One unit's value.
     *
     * @param u a unit index
     * @return {@code value[u]}
     */
    public double value(int u) {
        return values[u];
    }

    /** {@return the sum over every unit} */
    public double total() {
        return total;
    }

    /**
     * {@code Σ_{u ∈ kept} value[u]}.
     *
     * @param kept a set over exactly {@link #size()} units
     * @return the sum over the kept units
     */
    public double sum(UnitSet kept) {
        if (kept.isFull()) {
            return total;
        }
        if (kept.isEmpty()) {
            return 0.0;
        }
        double sum = 0.0;
        int words = wordMasks.length;
        for (int i = 0; i < words; i++) {
            long w = kept.word(i);
            if (w == 0L) {
                continue;
            }
            sum += w == wordMasks[i] ? wordTotals[i] : mixedWord(i, w);
        }
        return sum;
    }

    private double mixedWord(int word, long kept) {
        long all = wordMasks[word];
        int base = word << 6;
        if (Long.bitCount(kept) <= Long.bitCount(all) >>> 1) {
            return bitSum(base, kept);
        }
        // more kept than removed: subtract the removed units from the word total
        return wordTotals[word] - bitSum(base, all & ~kept);
    }

    // Σ values[base + b] over the set bits b, with two accumulators
    private double bitSum(int base, long bits) {
        double s0 = 0.0;
        double s1 = 0.0;
        while (bits != 0L) {
            s0 += values[base + Long.numberOfTrailingZeros(bits)];
            bits &= bits - 1;
            if (bits == 0L) {
                break;
            }
            s1 += values[base + Long.numberOfTrailingZeros(bits)];
            bits &= bits - 1;
        }
        return s0 + s1;
    }
}
