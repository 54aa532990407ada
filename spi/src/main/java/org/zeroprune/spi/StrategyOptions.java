package org.zeroprune.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Option values of one strategy, parsed against its {@link OptionSpec}s, defaults filled in.
 *
 * <p>Built by {@link #parse}; an unknown key, a value of the wrong type, a non-finite number or a
 * word outside a choice list is an {@link InvalidOptionException} that names the strategy, the key,
 * the value and what was expected.
 */
public final class StrategyOptions {
    private final String strategy;
    private final Map<String, OptionSpec> specs;
    private final Map<String, String> values;

    private StrategyOptions(String strategy, Map<String, OptionSpec> specs, Map<String, String> values) {
        this.strategy = strategy;
        this.specs = specs;
        this.values = values;
    }

    /**
     * {@return the options of {@code strategy}: raw values checked against the declared ones, defaults filled in}
     *
     * @param strategy the strategy's name, for messages
     * @param declared the options the strategy declares
     * @param raw values from configuration or the command line; may be empty
     * @throws InvalidOptionException on an unknown key or a value that does not parse
     */
    public static StrategyOptions parse(String strategy, List<OptionSpec> declared, Map<String, String> raw) {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec spec : declared) {
            specs.put(spec.key(), spec);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec spec : declared) {
            values.put(spec.key(), spec.defaultValue());
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            OptionSpec spec = specs.get(entry.getKey());
            if (spec == null) {
                throw new InvalidOptionException("strategy '" + strategy + "' has no option '" + entry.getKey()
                        + "'; its options are " + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())));
            }
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            check(strategy, spec, value);
            values.put(spec.key(), value);
        }
        return new StrategyOptions(strategy, Collections.unmodifiableMap(specs), Collections.unmodifiableMap(values));
    }

    /**
     * {@return options with every key at its default}
     *
     * @param strategy the strategy's name, for messages
     * @param declared the options the strategy declares
     */
    public static StrategyOptions defaults(String strategy, List<OptionSpec> declared) {
        return parse(strategy, declared, Map.of());
    }

    private static void check(String strategy, OptionSpec spec, String value) {
        boolean ok;
        try {
            ok = switch (spec.type()) {
                case INT -> {
                    Integer.parseInt(value);
                    yield true;
                }
                case LONG -> {
                    Long.parseLong(value);
                    yield true;
                }
                case DOUBLE -> Double.isFinite(Double.parseDouble(value));
                case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                case CHOICE -> spec.choices().contains(value);
                case STRING -> true;
            };
        } catch (NumberFormatException e) {
            ok = false;
        }
        if (!ok) {
            throw new InvalidOptionException("strategy '" + strategy + "', option '" + spec.key() + "': '" + value
                    + "' is not " + describe(spec));
        }
    }

    private static String describe(OptionSpec spec) {
        return switch (spec.type()) {
            case INT, LONG -> "an integer";
            case DOUBLE -> "a finite number";
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", spec.choices());
            default -> "text";
        };
    }

    /** {@return the strategy these options belong to} */
    public String strategy() {
        return strategy;
    }

    /**
     * {@return the value of a text or choice option}
     *
     * @param key a declared option's key
     */
    public String getString(String key) {
        return value(key);
    }

    /**
     * {@return the value of an int option}
     *
     * @param key a declared option's key
     */
    public int getInt(String key) {
        return Integer.parseInt(value(key));
    }

    /**
     * {@return the value of a long option}
     *
     * @param key a declared option's key
     */
    public long getLong(String key) {
        return Long.parseLong(value(key));
    }

    /**
     * {@return the value of a double option}
     *
     * @param key a declared option's key
     */
    public double getDouble(String key) {
        return Double.parseDouble(value(key));
    }

    /**
     * {@return the value of a boolean option}
     *
     * @param key a declared option's key
     */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(value(key).toLowerCase(Locale.ROOT));
    }

    /**
     * {@return whether the configuration set this key explicitly rather than leaving its default}
     *
     * @param key a declared option's key
     */
    public boolean isDefault(String key) {
        return value(key).equals(specs.get(key).defaultValue());
    }

    /** {@return every key with its resolved value, in declaration order} */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * Fails unless {@code value} lies in {@code [min, max]}; for range checks in
     * {@link ScoringStrategyProvider#create}.
     *
     * @param key a declared double option's key
     * @param min the smallest value allowed
     * @param max the largest value allowed
     */
    public void requireRange(String key, double min, double max) {
        double value = getDouble(key);
        if (value < min || value > max) {
            throw new InvalidOptionException("strategy '" + strategy + "', option '" + key + "': " + value
                    + " is outside [" + min + ", " + max + "]");
        }
    }

    private String value(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("strategy '" + strategy + "' did not declare option '" + key + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", strategy + "{", "}"));
    }
}
