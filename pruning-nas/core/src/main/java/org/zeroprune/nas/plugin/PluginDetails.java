package org.zeroprune.nas.plugin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a scorer reports as its details ({@code CandidateScorer.details()}) before a report or
 * {@code ranking.json} writes it: the SPI allows strings, finite numbers and booleans by name, which
 * every writer can serialise. Anything else (an object, a list, a null, NaN) would fail later, inside
 * the writer, naming neither the strategy nor the entry; here it fails naming both.
 */
final class PluginDetails {
    private static final Set<Class<?>> NUMBERS = Set.of(Byte.class, Short.class, Integer.class, Long.class, Float.class,
            Double.class, BigInteger.class, BigDecimal.class);

    private PluginDetails() {
    }

    /**
     * {@return a copy of {@code details}, its order kept}
     *
     * @throws PluginException naming the strategy, its source and the first entry that is not a string, a
     *     finite number or a boolean
     */
    static Map<String, Object> checked(String strategy, String source, Map<String, Object> details) {
        String who = "strategy '" + strategy + "' (" + source + ")";
        if (details == null) {
            throw new PluginException(who + " returned no details (null); expected a map, empty if it has none");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : details.entrySet()) {
            Object key = e.getKey();
            Object value = e.getValue();
            if (!(key instanceof String)) {
                throw new PluginException(who + " reported a detail named " + key + (key == null ? "" : " of type "
                        + key.getClass().getName()) + "; expected names that are strings");
            }
            String problem = value == null ? "null"
                    : value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)
                    ? value.toString()
                    : value instanceof String || value instanceof Boolean || NUMBERS.contains(value.getClass()) ? null
                    : "a " + value.getClass().getName();
            if (problem != null) {
                throw new PluginException(who + " reported its detail '" + key + "' as " + problem
                        + "; expected a string, a finite number or a boolean");
            }
            copy.put((String) key, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
