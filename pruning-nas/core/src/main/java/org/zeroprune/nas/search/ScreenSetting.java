package org.zeroprune.nas.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of {@code search.screen}: {@code auto}, {@code off}, or option overrides of the scoring
 * strategy written {@code K=V,K=V}.
 */
public final class ScreenSetting {
    /** Derive the screen from the scoring strategy. */
    public static final String AUTO = "auto";
    /** No screen. */
    public static final String OFF = "off";

    private ScreenSetting() {
    }

    /** Whether {@code text} is {@code auto}, {@code off} or {@code K=V} pairs with non-empty keys and values. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String t = text.trim();
        if (t.equals(AUTO) || t.equals(OFF)) {
            return true;
        }
        for (String pair : t.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank() || pair.substring(eq + 1).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The overrides of a valid setting other than {@code auto} and {@code off}, in order. */
    public static Map<String, String> overrides(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.trim().split(",")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }
}
