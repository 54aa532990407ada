package org.zeroprune.plugin.relative;

import java.util.Arrays;
import java.util.Locale;

/** Where {@code zerolm-relative} takes the ratio of kept to dense capacity. */
public enum Granularity {
    /** Per matrix, then averaged over the module's matrices: every matrix counts the same. */
    MATRIX,
    /** Per module: kept capacity of all its matrices over their dense capacity. */
    MODULE;

    /** The option word. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granularity named {@code word}. */
    public static Granularity fromOptionName(String word) {
        return Arrays.stream(values()).filter(g -> g.optionName().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no granularity '" + word + "'"));
    }

    /** Every option word. */
    public static String[] optionNames() {
        return Arrays.stream(values()).map(Granularity::optionName).toArray(String[]::new);
    }
}
