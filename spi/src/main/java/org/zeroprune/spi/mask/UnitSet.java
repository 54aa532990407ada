package org.zeroprune.spi.mask;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * An immutable set of unit indices {@code 0 <= i < size()}: the heads or the neurons of one module
 * that a mask keeps. Stored as 64-bit words so that scorers can work a word at a time.
 */
public final class UnitSet {
    private final int size;
    private final long[] words;
    private final int count;

    private UnitSet(int size, long[] words) {
        this.size = size;
        this.words = words;
        int c = 0;
        for (long w : words) {
            c += Long.bitCount(w);
        }
        this.count = c;
    }

    /**
     * {@return every unit of a module with {@code size} units}
     *
     * @param size units in the module
     */
    public static UnitSet all(int size) {
        checkSize(size);
        long[] words = new long[wordCount(size)];
        Arrays.fill(words, -1L);
        clearTail(size, words);
        return new UnitSet(size, words);
    }

    /**
     * {@return no unit of a module with {@code size} units}
     *
     * @param size units in the module
     */
    public static UnitSet none(int size) {
        checkSize(size);
        return new UnitSet(size, new long[wordCount(size)]);
    }

    /**
     * {@return the given units of a module with {@code size} units; duplicates are ignored}
     *
     * @param size units in the module
     * @param units the kept units' indices
     */
    public static UnitSet of(int size, int... units) {
        checkSize(size);
        long[] words = new long[wordCount(size)];
        for (int u : units) {
            checkIndex(size, u);
            words[u >>> 6] |= 1L << u;
        }
        return new UnitSet(size, words);
    }

    /**
     * {@return the set bits of {@code bits} below {@code size}; a bit at or above {@code size} is an error}
     *
     * @param size units in the module
     * @param bits the kept units
     */
    public static UnitSet of(int size, BitSet bits) {
        checkSize(size);
        if (bits.length() > size) {
            throw new IndexOutOfBoundsException("unit " + (bits.length() - 1) + " outside [0, " + size + ")");
        }
        long[] words = Arrays.copyOf(bits.toLongArray(), wordCount(size));
        return new UnitSet(size, words);
    }

    /**
     * {@return the first {@code count} units, {@code [0, count)}}
     *
     * @param size units in the module
     * @param count units kept, at most {@code size}
     */
    public static UnitSet firstN(int size, int count) {
        checkSize(size);
        if (count < 0 || count > size) {
            throw new IllegalArgumentException("count " + count + " outside [0, " + size + "]");
        }
        long[] words = new long[wordCount(size)];
        for (int i = 0; i < count >>> 6; i++) {
            words[i] = -1L;
        }
        if ((count & 63) != 0) {
            words[count >>> 6] = (1L << count) - 1;
        }
        return new UnitSet(size, words);
    }

    /** {@return number of units in the module (kept or not)} */
    public int size() {
        return size;
    }

    /** {@return number of kept units} */
    public int count() {
        return count;
    }

    /** {@return whether no unit is kept} */
    public boolean isEmpty() {
        return count == 0;
    }

    /** {@return whether every unit is kept} */
    public boolean isFull() {
        return count == size;
    }

    /**
     * {@return whether unit {@code unit} is kept}
     *
     * @param unit a unit's index
     */
    public boolean contains(int unit) {
        checkIndex(size, unit);
        return (words[unit >>> 6] & (1L << unit)) != 0;
    }

    /** {@return number of 64-bit words, {@code ceil(size / 64)}} */
    public int wordCount() {
        return words.length;
    }

    /**
     * {@return word {@code i}: bit {@code b} stands for unit {@code 64 * i + b}} Bits at or above {@code size} are 0.
     *
     * @param i the word's index, below {@link #wordCount()}
     */
    public long word(int i) {
        return words[i];
    }

    /**
     * {@return this set with {@code unit} added}
     *
     * @param unit a unit's index
     */
    public UnitSet with(int unit) {
        checkIndex(size, unit);
        long[] copy = words.clone();
        copy[unit >>> 6] |= 1L << unit;
        return new UnitSet(size, copy);
    }

    /**
     * {@return this set with {@code unit} removed}
     *
     * @param unit a unit's index
     */
    public UnitSet without(int unit) {
        checkIndex(size, unit);
        long[] copy = words.clone();
        copy[unit >>> 6] &= ~(1L << unit);
        return new UnitSet(size, copy);
    }

    /**
     * Calls {@code action} for every kept unit, in increasing order.
     *
     * @param action called with each kept unit's index
     */
    public void forEach(IntConsumer action) {
        for (int i = 0; i < words.length; i++) {
            long w = words[i];
            while (w != 0) {
                action.accept((i << 6) + Long.numberOfTrailingZeros(w));
                w &= w - 1;
            }
        }
    }

    /** {@return the kept units in increasing order} */
    public int[] toArray() {
        int[] out = new int[count];
        int[] next = {0};
        forEach(u -> out[next[0]++] = u);
        return out;
    }

    /** {@return the kept units in increasing order} */
    public IntStream stream() {
        return Arrays.stream(toArray());
    }

    /** {@return a mutable copy} */
    public BitSet toBitSet() {
        return BitSet.valueOf(words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitSet other && other.size == size && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return count + "/" + size + Arrays.toString(toArray());
    }

    private static int wordCount(int size) {
        return (size + 63) >>> 6;
    }

    private static void clearTail(int size, long[] words) {
        if ((size & 63) != 0) {
            words[words.length - 1] &= (1L << size) - 1;
        }
    }

    private static void checkSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }

    private static void checkIndex(int size, int unit) {
        if (unit < 0 || unit >= size) {
            throw new IndexOutOfBoundsException("unit " + unit + " outside [0, " + size + ")");
        }
    }
}
