package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Transformers' per-layer convention in {@code config.json}: {@code per_layer_config}, an object keyed by
 * layer index (a decimal string) whose values override the global attributes of that layer, e.g.
 * {@code {"0": {"intermediate_size": 1024}}}; layers not listed keep the global values. zeroprune writes
 * every layer's {@code intermediate_size} there beside its own {@code intermediate_sizes}, and reads the
 * FFN widths back from it.
 */
final class PerLayerConfig {
    private static final String WIDTH = "intermediate_size";

    private PerLayerConfig() {
    }

    /** {@code per_layer_config} giving every layer its FFN width. */
    static ObjectNode widths(int[] widths) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int layer = 0; layer < widths.length; layer++) {
            node.putObject(Integer.toString(layer)).put(WIDTH, widths[layer]);
        }
        return node;
    }

    /**
     * The FFN widths once {@code per_layer_config} is read: its {@code intermediate_size} per layer when the
     * configuration has no {@code intermediate_sizes}; otherwise the two must agree.
     *
     * @param sizes the widths from {@code intermediate_sizes} (the dense width everywhere when absent)
     * @throws CheckpointException naming the file and key when the object is malformed, names a layer that
     *     does not exist, overrides another attribute (zeroprune builds BERT layers from the FFN width alone),
     *     or disagrees with {@code intermediate_sizes}
     */
    static int[] widths(Path file, JsonNode node, int[] sizes, boolean sizesGiven, int dense) {
        if (node == null || node.isNull()) {
            return sizes;
        }
        String key = BertConfig.PER_LAYER_CONFIG;
        if (!node.isObject()) {
            throw new CheckpointException(file, "key '" + key + "' is " + node + "; expected an object {\"layer\": {\""
                    + WIDTH + "\": n}}");
        }
        int[] widths = sizes.clone();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            int layer = layerIndex(e.getKey(), sizes.length);
            if (layer < 0) {
                throw new CheckpointException(file, key + " has layer '" + e.getKey() + "'; expected 0.." + (sizes.length - 1));
            }
            JsonNode overrides = e.getValue();
            if (!overrides.isObject()) {
                throw new CheckpointException(file, key + "." + e.getKey() + " is " + overrides + "; expected an object");
            }
            Iterator<String> names = overrides.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals(WIDTH)) {
                    throw new CheckpointException(file, key + "." + e.getKey() + " overrides '" + name
                            + "'; zeroprune reads only '" + WIDTH + "' per layer (heads are removed with pruned_heads)");
                }
            }
            JsonNode v = overrides.get(WIDTH);
            if (v == null) {
                continue;
            }
            if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > dense) {
                throw new CheckpointException(file, key + "." + e.getKey() + "." + WIDTH + " is " + v + "; expected 0.." + dense);
            }
            if (sizesGiven && v.asInt() != sizes[layer]) {
                throw new CheckpointException(file, key + "." + e.getKey() + "." + WIDTH + " is " + v + " but "
                        + BertConfig.INTERMEDIATE_SIZES + "[" + layer + "] is " + sizes[layer] + "; expected the same width");
            }
            widths[layer] = v.asInt();
        }
        return widths;
    }

    /** The layer a key names (transformers accepts leading zeros), or -1. */
    private static int layerIndex(String key, int layers) {
        if (!key.matches("\\d{1,9}")) {
            return -1;
        }
        int layer = Integer.parseInt(key);
        return layer < layers ? layer : -1;
    }
}
