package org.zeroprune.nas.config;

import static org.zeroprune.nas.config.ConfigMapper.YAML;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.search.BudgetKind;

/**
 * The unbound configuration tree: the defaults, a file read into a tree, a file merged over
 * another, an override set in it. A budget kind set on top replaces the one below, since exactly
 * one kind may be set.
 */
final class ConfigTree {
    private ConfigTree() {
    }

    /** The built-in defaults as a tree. */
    static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a YAML or JSON configuration file into a tree. */
    static ObjectNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory; expected a YAML or JSON configuration file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": configuration file not found");
        }
        JsonNode node;
        try {
            node = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(ParseFailure.describe(file, e));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(file + ": expected a mapping of settings at the top level, found a "
                    + node.getNodeType().toString().toLowerCase());
        }
        return (ObjectNode) node;
    }

    /**
     * {@code tree} (read from {@code file}) with its relative {@code plugins} folders resolved against the
     * file's folder, so that a configuration names its plugins wherever it is run from. Anything but a list
     * of text is left for binding to refuse.
     */
    static ObjectNode resolvePlugins(ObjectNode tree, Path file) {
        if (tree.get("plugins") instanceof ArrayNode plugins) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            for (int i = 0; i < plugins.size(); i++) {
                JsonNode entry = plugins.get(i);
                if (entry.isTextual() && !entry.asText().isBlank() && !Path.of(entry.asText()).isAbsolute()) {
                    plugins.set(i, TextNode.valueOf(folder.resolve(entry.asText()).normalize().toString()));
                }
            }
        }
        return tree;
    }

    /** Deep-merges {@code overlay} into {@code base}. */
    static void merge(ObjectNode base, ObjectNode overlay) {
        JsonNode budget = overlay.get("budget");
        List<String> kinds = BudgetKind.keys();
        if (budget != null && budget.isObject() && base.get("budget") instanceof ObjectNode baseBudget
                && kinds.stream().anyMatch(budget::has)) {
            baseBudget.remove(kinds);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode value
                    && !field.getKey().equals("options")) {
                merge(existingObject, value);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /**
     * Sets {@code key.path} to {@code value} in {@code tree}: literally for a text key (see
     * {@link TextKeys}), as the entries of a list of text, else parsed as a YAML scalar.
     */
    static void apply(ObjectNode tree, String path, String value) {
        String[] keys = path.split("\\.");
        if (path.isBlank() || Arrays.stream(keys).anyMatch(String::isBlank)) {
            throw new ConfigException("override '" + path + "=" + value + "': expected key.path=value");
        }
        ObjectNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(keys[i]);
            }
            node = (ObjectNode) child;
        }
        String last = keys[keys.length - 1];
        if (keys.length == 2 && keys[0].equals("budget") && BudgetKind.forKey(last).isPresent()) {
            node.remove(BudgetKind.keys());
        }
        TextKeys.Kind kind = TextKeys.of(path);
        if (kind == TextKeys.Kind.TEXT_LIST) {
            ArrayNode list = node.putArray(last);
            TextKeys.entries(value).forEach(list::add);
        } else {
            node.set(last, kind == TextKeys.Kind.TEXT ? TextNode.valueOf(value) : scalar(value));
        }
    }

    private static JsonNode scalar(String value) {
        try {
            JsonNode parsed = YAML.readTree(value);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(value) : parsed;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(value);
        }
    }
}
