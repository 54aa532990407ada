package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape a pruned model records in {@code config.json}: HF's {@code pruned_heads} and
 * zeroprune's {@code intermediate_sizes}, checked against the dense layer and head counts.
 */
final class PrunedLayers {
    private PrunedLayers() {
    }

    /** Per layer, the original indices of the heads already removed ({@code pruned_heads}, none when absent). */
    static List<Set<Integer>> prunedHeads(Path file, JsonNode node, int layers, int heads) {
        List<Set<Integer>> result = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            result.add(new TreeSet<>());
        }
        if (node == null || node.isNull()) {
            return freeze(result);
        }
        if (!node.isObject()) {
            throw new CheckpointException(file, "key 'pruned_heads' is " + node
                    + "; expected an object {\"layer\": [head, ...]}");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            int layer;
            try {
                layer = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                layer = -1;
            }
            if (layer < 0 || layer >= layers) {
                throw new CheckpointException(file, "pruned_heads has layer '" + e.getKey() + "'; expected 0.."
                        + (layers - 1));
            }
            if (!e.getValue().isArray()) {
                throw new CheckpointException(file, "pruned_heads." + layer + " is " + e.getValue()
                        + "; expected an array of head indices");
            }
            for (JsonNode h : e.getValue()) {
                if (!h.isIntegralNumber() || h.asInt() < 0 || h.asInt() >= heads) {
                    throw new CheckpointException(file, "pruned_heads." + layer + " has head " + h + "; expected 0.."
                            + (heads - 1));
                }
                result.get(layer).add(h.asInt());
            }
        }
        return freeze(result);
    }

    private static List<Set<Integer>> freeze(List<Set<Integer>> sets) {
        List<Set<Integer>> frozen = new ArrayList<>();
        for (Set<Integer> s : sets) {
            frozen.add(Collections.unmodifiableSet(s));
        }
        return List.copyOf(frozen);
    }

    /** Per layer, the FFN width ({@code intermediate_sizes}, {@code dense} in each when absent). */
    static int[] intermediateSizes(Path file, JsonNode node, int layers, int dense) {
        int[] sizes = new int[layers];
        if (node == null || node.isNull()) {
            Arrays.fill(sizes, dense);
            return sizes;
        }
        if (!node.isArray() || node.size() != layers) {
            throw new CheckpointException(file, "key '" + BertConfig.INTERMEDIATE_SIZES + "' is " + node + "; expected an array of "
                    + layers + " FFN widths, one per layer");
        }
        for (int i = 0; i < layers; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > dense) {
                throw new CheckpointException(file, BertConfig.INTERMEDIATE_SIZES + "[" + i + "] is " + v + "; expected 0.." + dense);
            }
            sizes[i] = v.asInt();
        }
        return sizes;
    }
}
