package org.zeroprune.nas.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeSet;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.search.BudgetKind;

/**
 * Refuses what binding would blame on another key: a value where the defaults have a section
 * ({@code search: evolutionary} for {@code search: strategy: evolutionary}), which Jackson tries to build
 * the section from and then blames a key of it ({@code search.seed}) that the user never wrote; and a key
 * left empty ({@code seed:} with no value), which reaches a record's constructor as null.
 */
final class ConfigShapes {
    private ConfigShapes() {
    }

    /**
     * Fails naming the key, its value and what was expected when {@code tree} has anything but a mapping
     * where {@code defaults} have a section, or an empty value anywhere.
     */
    static void check(ObjectNode tree, ObjectNode defaults, String source) {
        check(tree, defaults, "", source);
        refuseEmpty(tree, "", source);
    }

    private static void refuseEmpty(JsonNode node, String key, String source) {
        // a budget kind set to null is unset: the budget reader then reports how many kinds are left
        if (node.isNull() && !BudgetKind.keys().stream().map(k -> "budget." + k).toList().contains(key)) {
            throw new ConfigException(source + ": key '" + key + "' is empty; expected a value (leave the key out to keep"
                    + " its default)");
        }
        if (node.isObject()) {
            node.properties().forEach(e -> refuseEmpty(e.getValue(), key.isEmpty() ? e.getKey() : key + "." + e.getKey(),
                    source));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseEmpty(node.get(i), key + "[" + i + "]", source);
            }
        }
    }

    private static void check(ObjectNode tree, ObjectNode defaults, String prefix, String source) {
        for (Map.Entry<String, JsonNode> section : defaults.properties()) {
            // an empty mapping in the defaults (scoring.options) is a map of free keys, which binding checks itself
            if (!(section.getValue() instanceof ObjectNode keys) || keys.isEmpty() || !tree.has(section.getKey())) {
                continue;
            }
            String key = prefix + section.getKey();
            JsonNode value = tree.get(section.getKey());
            if (!(value instanceof ObjectNode given)) {
                throw new ConfigException(source + ": key '" + key + "' is " + shown(value) + "; expected a section (a"
                        + " mapping of settings) with the keys " + String.join(", ", known(key, keys))
                        + ", each on its own line beneath '" + section.getKey() + ":'");
            }
            check(given, keys, key + ".", source);
        }
    }

    private static TreeSet<String> known(String key, ObjectNode keys) {
        TreeSet<String> names = new TreeSet<>();
        keys.fieldNames().forEachRemaining(names::add);
        if (key.equals("budget")) {
            names.addAll(BudgetKind.keys()); // the defaults set one kind; any may be set
        }
        return names;
    }

    private static String shown(JsonNode value) {
        return value.isNull() ? "empty" : value.isValueNode() ? "'" + value.asText() + "'" : value.toString();
    }
}
