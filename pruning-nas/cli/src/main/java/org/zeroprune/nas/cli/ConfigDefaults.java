package org.zeroprune.nas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.zeroprune.nas.config.ConfigLoader;

/**
 * The configuration's built-in defaults ({@code defaults.yaml}) as the command line's resource
 * bundle, so that a help text shows a default with {@code ${bundle:defaults.KEY}} (e.g.
 * {@code ${bundle:defaults.search.seed}}) instead of a copy of it. The prefix keeps these keys apart
 * from the ones picocli looks up by option name.
 */
final class ConfigDefaults extends ResourceBundle {
    static final String PREFIX = "defaults.";
    private final Map<String, String> values = new TreeMap<>();

    ConfigDefaults() {
        flatten("", ConfigLoader.defaults());
    }

    private void flatten(String path, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue()));
        } else {
            values.put(PREFIX + path, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return values.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(values.keySet());
    }
}
