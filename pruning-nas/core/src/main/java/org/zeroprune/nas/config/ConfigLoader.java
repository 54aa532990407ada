package org.zeroprune.nas.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.search.BudgetKind;

/**
 * Reads a {@link PruneConfig}: the defaults, then a YAML or JSON file, then the caller's
 * overrides ({@code key.path=value}), then binds and validates. Unknown keys, wrong types and
 * out-of-range values are {@link ConfigException}s that name the source (the file, or the
 * {@link Caller}: the command line or the Java API) and the key. Relative plugin folders in a file
 * are resolved against the file's folder; those of the overrides are left as given.
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
        return load(file, overrides, Caller.COMMAND_LINE);
    }

    /**
     * The configuration from defaults, an optional file and overrides, with messages worded for {@code caller}.
     *
     * @param file a YAML or JSON file, or empty
     * @param overrides {@code key.path -> value} pairs applied last, in order
     * @param caller who gave the overrides: named in messages about them
     */
    public static PruneConfig load(Optional<Path> file, Map<String, String> overrides, Caller caller) {
        List<String> budgetKeys = BudgetKind.keys().stream().map(k -> "budget." + k).toList();
        List<String> budgets = overrides.keySet().stream().filter(budgetKeys::contains).toList();
        if (budgets.size() > 1) {
            // a file's budget is replaced by the overrides', but two among the overrides contradict each other
            String kinds = BudgetKind.keys().stream().map(k -> caller == Caller.COMMAND_LINE ? "--" + k : k + "(ratio)")
                    .collect(Collectors.joining(", "));
            throw new ConfigException("the " + caller.settings() + " sets " + budgets.size() + " budgets ("
                    + budgets.stream().map(k -> k + "=" + overrides.get(k)).collect(Collectors.joining(", "))
                    + "): give one of " + kinds + " (" + String.join(", ", budgetKeys) + ")");
        }
        ObjectNode tree = defaults();
        String source = "defaults";
        if (file.isPresent()) {
            source = file.get().toString();
            ObjectNode fromFile = read(file.get());
            // checked before the overrides, which would replace a scalar section with one holding their key only
            ConfigShapes.check(fromFile, tree, source);
            merge(tree, ConfigTree.resolvePlugins(fromFile, file.get()));
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            apply(tree, override.getKey(), override.getValue());
            source = file.map(Path::toString).orElse(caller.settings());
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
