package org.zeroprune.nas.rank;

import java.util.Locale;

/** How a ranking writes each candidate's masks ({@code output.masks}). */
public enum MaskFormat {
    /** Per layer, the kept counts and the kept unit indices as ranges ({@code "0-3,5"}). */
    RANGES,
    /**
     * Per layer, the kept counts only; the ranking's {@code masks} section holds the unit order once
     * and a layer keeps the first units of it. Only for searches that keep units by importance.
     */
    ORDER;

    /** The format named in a configuration ({@code ranges} or {@code order}). */
    public static MaskFormat named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The name used in configurations and in {@code ranking.json}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
