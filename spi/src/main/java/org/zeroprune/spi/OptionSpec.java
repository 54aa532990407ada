package org.zeroprune.spi;

import java.util.List;
import java.util.Objects;

/**
 * Declares one option of a strategy.
 *
 * @param key the option's name, as written in configuration ({@code alpha}, {@code sample-size})
 * @param type how the value is parsed
 * @param defaultValue the value used when the configuration does not set the key, as text
 * @param description one line for {@code --help} and {@code strategies}
 * @param choices for {@link OptionType#CHOICE}, the accepted words; otherwise empty
 */
public record OptionSpec(
        String key, OptionType type, String defaultValue, String description, List<String> choices) {

    /**
     * Validates the declaration itself; a provider with a broken declaration fails early.
     *
     * @param key the option's name
     * @param type how the value is parsed
     * @param defaultValue the default, as text
     * @param description one line for {@code --help} and {@code strategies}
     * @param choices the accepted words of a choice; otherwise empty
     */
    public OptionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (type == OptionType.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException(
                    "option " + key + ": default '" + defaultValue + "' is not one of " + choices);
        }
    }

    /**
     * {@return a double option}
     *
     * @param key the option's key, as a configuration writes it
     * @param defaultValue the value when none is given
     * @param description one line for {@code zeroprune strategies}
     */
    public static OptionSpec ofDouble(String key, double defaultValue, String description) {
        return new OptionSpec(key, OptionType.DOUBLE, Double.toString(defaultValue), description, List.of());
    }

    /**
     * {@return an int option}
     *
     * @param key the option's key, as a configuration writes it
     * @param defaultValue the value when none is given
     * @param description one line for {@code zeroprune strategies}
     */
    public static OptionSpec ofInt(String key, int defaultValue, String description) {
        return new OptionSpec(key, OptionType.INT, Integer.toString(defaultValue), description, List.of());
    }

    /**
     * {@return a long option}
     *
     * @param key the option's key, as a configuration writes it
     * @param defaultValue the value when none is given
     * @param description one line for {@code zeroprune strategies}
     */
    public static OptionSpec ofLong(String key, long defaultValue, String description) {
        return new OptionSpec(key, OptionType.LONG, Long.toString(defaultValue), description, List.of());
    }

    /**
     * {@return a boolean option}
     *
     * @param key the option's key, as a configuration writes it
     * @param defaultValue the value when none is given
     * @param description one line for {@code zeroprune strategies}
     */
    public static OptionSpec ofBoolean(String key, boolean defaultValue, String description) {
        return new OptionSpec(key, OptionType.BOOLEAN, Boolean.toString(defaultValue), description, List.of());
    }

    /**
     * {@return a free-text option}
     *
     * @param key the option's key, as a configuration writes it
     * @param defaultValue the value when none is given
     * @param description one line for {@code zeroprune strategies}
     */
    public static OptionSpec ofString(String key, String defaultValue, String description) {
        return new OptionSpec(key, OptionType.STRING, defaultValue, description, List.of());
    }

    /**
     * {@return an option that takes one of the given words}
     *
     * @param key the option's key, as a configuration writes it
     * @param defaultValue the value when none is given
     * @param description one line for {@code zeroprune strategies}
     * @param choices the words accepted
     */
    public static OptionSpec ofChoice(String key, String defaultValue, String description, String... choices) {
        return new OptionSpec(key, OptionType.CHOICE, defaultValue, description, List.of(choices));
    }
}
