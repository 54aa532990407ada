package org.zeroprune.nas.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.search.BudgetKind;

/**
 * Reads a {@link PruneConfig}: the defaults, then a YAML or JSON file, then command-line
 * overrides ({@code key.path=value}), then binds and validates. Unknown keys, wrong types and
 * out-of-range values are {@link ConfigException}s that name the source and the key.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * The configuration from defaults, an optional file and overrides.
     *
     * @param file a YAML or JSON file, or empty
     * @param overrides {@code key.path -> value} pairs applied last, in order
     */
    public static PruneConfig load(Optional<Path> file, Map<String, String> overrides) {
        List<String> budgetKeys = BudgetKind.keys().stream().map(k -> "budget." + k).toList();
        List<String> budgets = overrides.keySet().stream().filter(budgetKeys::contains).toList();
        if (budgets.size() > 1) {
            // a file's budget is replaced by the command line's, but two on the command line contradict each other
            throw new ConfigException("the command line sets " + budgets.size() + " budgets (" + budgets.stream()
                    .map(k -> k + "=" + overrides.get(k)).collect(Collectors.joining(", ")) + "): give one of "
                    + BudgetKind.keys().stream().map(k -> "--" + k).collect(Collectors.joining(", ")) + " ("
                    + String.join(", ", budgetKeys) + ")");
        }
        ObjectNode tree = defaults();
        String source = "defaults";
        if (file.isPresent()) {
            source = file.get().toString();
            merge(tree, read(file.get()));
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            apply(tree, override.getKey(), override.getValue());
            source = file.map(Path::toString).orElse("command line");
        }
        return bind(tree, file.map(Path::toString).orElse(source));
    }

    /** The built-in defaults as a tree. */
    public static ObjectNode defaults() {
        return ConfigTree.defaults();
    }

    /** Reads a YAML or JSON configuration file into a tree. */
    public static ObjectNode read(Path file) {
        return ConfigTree.read(file);
    }

    /**
     * Deep-merges {@code overlay} into {@code base}. A budget kind set in the overlay replaces the
     * base's kind, since exactly one kind may be set.
     */
    public static void merge(ObjectNode base, ObjectNode overlay) {
        ConfigTree.merge(base, overlay);
    }

    /**
     * Sets {@code key.path} to {@code value} in {@code tree}: literally for a text key (see
     * {@link TextKeys}), as the entries of a list of text, else parsed as a YAML scalar.
     */
    public static void apply(ObjectNode tree, String path, String value) {
        ConfigTree.apply(tree, path, value);
    }

    /** Binds a merged tree and validates it; {@code source} names it in messages. */
    public static PruneConfig bind(ObjectNode tree, String source) {
        PruneConfig config = ConfigBinding.bind(tree, source);
        ConfigValidation.check(config, source);
        return config;
    }
}
