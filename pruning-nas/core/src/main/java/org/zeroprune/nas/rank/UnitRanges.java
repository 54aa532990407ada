package org.zeroprune.nas.rank;

import java.util.BitSet;
import org.zeroprune.spi.mask.UnitSet;

/** Writes a unit set as compact ranges ({@code "0-3,5,8-11"}, {@code ""} for none) and reads it back. */
public final class UnitRanges {
    private UnitRanges() {
    }

    /** The kept units as ranges. */
    public static String format(UnitSet set) {
        StringBuilder sb = new StringBuilder();
        BitSet bits = set.toBitSet();
        // word-wise run finding: the cost grows with the number of runs, not of units
        for (int from = bits.nextSetBit(0); from >= 0; from = bits.nextSetBit(from)) {
            int to = bits.nextClearBit(from) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(from);
            if (to > from) {
                sb.append('-').append(to);
            }
            from = to + 1;
        }
        return sb.toString();
    }

    /**
     * Parses ranges written by {@link #format}.
     *
     * @param size the module's unit count
     * @throws IllegalArgumentException on malformed text, a unit outside {@code [0, size)} or a unit listed twice
     */
    public static UnitSet parse(String text, int size) {
        BitSet bits = new BitSet(size);
        if (!text.isBlank()) {
            for (String part : text.split(",")) {
                String[] ends = part.trim().split("-");
                if (ends.length < 1 || ends.length > 2) {
                    throw new IllegalArgumentException("malformed range '" + part + "' in '" + text + "'");
                }
                int from = index(ends[0], part, text);
                int to = ends.length == 2 ? index(ends[1], part, text) : from;
                if (from < 0 || to >= size || from > to) {
                    throw new IllegalArgumentException("range '" + part + "' outside [0, " + size + ")");
                }
                int repeated = bits.nextSetBit(from);
                if (repeated >= 0 && repeated <= to) {
                    // a unit listed twice is a hand edit gone wrong: the mask it meant is unknown
                    throw new IllegalArgumentException("unit " + repeated + " is listed twice in '" + text
                            + "'; expected each unit once");
                }
                bits.set(from, to + 1);
            }
        }
        return UnitSet.of(size, bits);
    }

    private static int index(String end, String part, String text) {
        try {
            return Integer.parseInt(end.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("range '" + part.trim() + "' in '" + text + "': '" + end.trim()
                    + "' is not a unit index; expected FROM-TO or INDEX, e.g. 0-3,7");
        }
    }
}
