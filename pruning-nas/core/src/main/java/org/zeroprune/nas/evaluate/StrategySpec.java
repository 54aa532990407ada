package org.zeroprune.nas.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.zeroprune.nas.ConfigException;

/**
 * A scoring strategy with options, written {@code NAME} or {@code NAME:KEY=VALUE,KEY=VALUE} on the
 * command line, e.g. {@code zerolm:alpha-selection=fixed,alpha=0.3}: the one syntax of
 * {@code prune --strategy} (one strategy), {@code evaluate --strategy} and
 * {@code benchmark flexibert --strategies}.
 *
 * <p>A list ({@link #parseList}) separates strategies with {@code ;} or {@code ,}: after a comma, a
 * {@code KEY=VALUE} item continues the strategy before it and anything else starts a new one, so
 * {@code zerolm:alpha-selection=fixed,alpha=0.3,params} is two strategies. The older benchmark form
 * {@code NAME:KEY=VALUE:KEY=VALUE} is still read, with a deprecation message that shows the new form.
 *
 * @param label how it appears in reports: the text as written, or the canonical form of a deprecated one
 * @param name the registered strategy
 * @param options its options, in the order written
 */
public record StrategySpec(String label, String name, Map<String, String> options) {
    /** {@code :KEY=} inside an option's value: the deprecated separator between options. */
    private static final Pattern OLD_SEPARATOR = Pattern.compile(":(?=[A-Za-z][A-Za-z0-9_.-]*=)");
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*=.*", Pattern.DOTALL);

    /** Parses one specification; a deprecated form is accepted and reported to {@code deprecations}. */
    public static StrategySpec parse(String text, Consumer<String> deprecations) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim();
        if (name.isEmpty() || name.contains("=")) {
            throw new ConfigException("strategy '" + text + "' has no name; expected NAME or NAME:KEY=VALUE,KEY=VALUE");
        }
        Map<String, String> options = new LinkedHashMap<>();
        boolean deprecated = false;
        if (colon >= 0) {
            for (String pair : trimmed.substring(colon + 1).split(",", -1)) {
                String[] parts = OLD_SEPARATOR.split(pair, -1);
                deprecated |= parts.length > 1;
                for (String part : parts) {
                    put(options, text, part);
                }
            }
        }
        if (!deprecated) {
            return new StrategySpec(trimmed, name, Collections.unmodifiableMap(options));
        }
        String canonical = canonical(name, options);
        deprecations.accept("strategy '" + trimmed + "': separating options with ':' is deprecated; write " + canonical);
        return new StrategySpec(canonical, name, Collections.unmodifiableMap(options));
    }

    /** Parses one specification, refusing the deprecated form with the form to write instead. */
    public static StrategySpec parse(String text) {
        return parse(text, message -> {
            throw new ConfigException(message);
        });
    }

    /**
     * Parses a list of specifications separated by {@code ;} or {@code ,} (see the class comment);
     * blank items are skipped, but a list with no strategy at all is refused.
     */
    public static List<StrategySpec> parseList(String text, Consumer<String> deprecations) {
        List<StringBuilder> texts = new ArrayList<>();
        for (String group : text.split(";")) {
            StringBuilder spec = null; // the strategy a KEY=VALUE item continues: none at the start of a group
            for (String item : group.split(",")) {
                String trimmed = item.trim();
                if (spec != null && KEY_VALUE.matcher(trimmed).matches()) {
                    spec.append(spec.indexOf(":") < 0 ? ':' : ',').append(trimmed);
                } else if (!trimmed.isEmpty()) {
                    spec = new StringBuilder(trimmed);
                    texts.add(spec);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new ConfigException("strategy list '" + text + "' names no strategy; expected NAME or"
                    + " NAME:KEY=VALUE,KEY=VALUE, several separated by ';' or ','");
        }
        return texts.stream().map(t -> parse(t.toString(), deprecations)).toList();
    }

    /** The canonical text: {@code NAME} or {@code NAME:KEY=VALUE,KEY=VALUE}. */
    public static String canonical(String name, Map<String, String> options) {
        StringBuilder sb = new StringBuilder(name);
        String separator = ":";
        for (Map.Entry<String, String> e : options.entrySet()) {
            sb.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = ",";
        }
        return sb.toString();
    }

    private static void put(Map<String, String> options, String text, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || pair.substring(0, eq).isBlank()) {
            throw new ConfigException("strategy '" + text + "': option '" + pair + "' is not KEY=VALUE; write"
                    + " NAME:KEY=VALUE,KEY=VALUE");
        }
        options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
}
