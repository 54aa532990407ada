package org.zeroprune.nas.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zeroprune.nas.ConfigException;

/**
 * Configuration overrides from a command line: the {@code --set KEY=VALUE} pairs first, then the
 * command's own options. An option and a {@code --set} of the same key contradict each other, and
 * are refused rather than resolved silently.
 */
final class Overrides {
    private final Map<String, String> values;
    private final Map<String, String> setBy = new LinkedHashMap<>();

    /** Starts from the {@code --set} pairs. */
    Overrides(Map<String, String> settings) {
        this.values = new LinkedHashMap<>(settings);
        settings.keySet().forEach(k -> setBy.put(k, "--set " + k));
    }

    /** Sets {@code key} from {@code option} when the option was given ({@code value} not null). */
    Overrides put(String key, Object value, String option) {
        if (value == null) {
            return this;
        }
        String earlier = setBy.get(key);
        if (earlier != null && !values.get(key).equals(value.toString())) {
            // an option ending in '=' (--option KEY=) joins its value without a space
            throw new ConfigException(option + (option.endsWith("=") ? "" : " ") + value + " and " + earlier
                    + (earlier.endsWith("=") ? "" : "=") + values.get(key) + " set the same key: give one of them");
        }
        values.put(key, value.toString());
        setBy.put(key, option);
        return this;
    }

    /** The overrides, in order. */
    Map<String, String> values() {
        return values;
    }
}
