package org.zeroprune.nas.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zeroprune.nas.ConfigException;

/**
 * A strategy to evaluate, written {@code name} or {@code name:key=value,key=value} on the command
 * line, e.g. {@code zerolm:alpha-selection=fixed,alpha=0.3}.
 *
 * @param label how it appears in reports (the text as written)
 * @param name the registered strategy
 * @param options its options
 */
public record StrategySpec(String label, String name, Map<String, String> options) {

    /** Parses one specification. */
    public static StrategySpec parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Map<String, String> options = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : trimmed.substring(colon + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException("strategy '" + text + "': option '" + pair + "' is not key=value");
                }
                options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        if (name.isEmpty()) {
            throw new ConfigException("strategy '" + text + "' has no name");
        }
        return new StrategySpec(trimmed, name, Map.copyOf(options));
    }
}
