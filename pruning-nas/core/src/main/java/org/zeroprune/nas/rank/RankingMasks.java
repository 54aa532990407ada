package org.zeroprune.nas.rank;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Reads a candidate's masks back from a parsed {@code ranking.json}, in either {@link MaskFormat}:
 * for programs that pick a candidate other than the exported one.
 */
public final class RankingMasks {
    private final JsonNode ranking;
    private final MaskFormat format;
    private final int[] denseHeads;
    private final int[] denseNeurons;
    private final UnitOrder order;

    /**
     * A reader over one ranking.
     *
     * @throws IllegalArgumentException naming the key when the ranking lacks what its format needs
     */
    public RankingMasks(JsonNode ranking) {
        this.ranking = ranking;
        // rankings written before the masks section existed hold ranges
        String name = ranking.path("masks").path("format").asText("ranges");
        if (!name.equals("ranges") && !name.equals("order")) {
            throw new IllegalArgumentException("masks.format is '" + name + "'; expected ranges or order");
        }
        this.format = MaskFormat.named(name);
        this.denseHeads = ints(ranking.at("/dense/heads"), "dense.heads");
        this.denseNeurons = ints(ranking.at("/dense/neurons"), "dense.neurons");
        if (denseHeads.length != denseNeurons.length) {
            throw new IllegalArgumentException("dense.heads lists " + denseHeads.length + " layers but dense.neurons "
                    + denseNeurons.length);
        }
        this.order = format == MaskFormat.ORDER ? new UnitOrder(
                nested(ranking.at("/masks/headOrder"), "masks.headOrder", denseHeads, "dense.heads"),
                nested(ranking.at("/masks/neuronOrder"), "masks.neuronOrder", denseNeurons, "dense.neurons")) : null;
    }

    /** Heads per layer of the dense model the ranking was made for (a copy). */
    public int[] denseHeads() {
        return denseHeads.clone();
    }

    /** Neurons per layer of the dense model the ranking was made for (a copy). */
    public int[] denseNeurons() {
        return denseNeurons.clone();
    }

    /** How the ranking writes masks. */
    public MaskFormat format() {
        return format;
    }

    /** Number of candidates. */
    public int size() {
        return ranking.path("candidates").size();
    }

    /**
     * The masks of the candidate at {@code rank} (1 = best).
     *
     * @throws IllegalArgumentException naming the rank and key when they are missing or malformed
     */
    public PruningMask mask(int rank) {
        if (rank < 1 || rank > size()) {
            throw new IllegalArgumentException("rank " + rank + " is outside 1.." + size());
        }
        JsonNode masks = ranking.get("candidates").get(rank - 1).path("masks");
        String where = "candidates[" + (rank - 1) + "].masks";
        try {
            if (format == MaskFormat.ORDER) {
                return order.prefixMask(ints(masks.path("keptHeads"), where + ".keptHeads"),
                        ints(masks.path("keptNeurons"), where + ".keptNeurons"));
            }
            List<UnitSet> heads = ranges(masks.path("heads"), denseHeads, where + ".heads");
            List<UnitSet> neurons = ranges(masks.path("neurons"), denseNeurons, where + ".neurons");
            requireCounts(masks.path("keptHeads"), heads, where + ".keptHeads", where + ".heads");
            requireCounts(masks.path("keptNeurons"), neurons, where + ".keptNeurons", where + ".neurons");
            return PruningMask.of(heads, neurons);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rank " + rank + ": " + e.getMessage(), e);
        }
    }

    /**
     * The kept counts a ranges row also holds must agree with its ranges: a hand edit that changes one
     * and not the other would otherwise surface later as a parameter mismatch that names neither.
     */
    private static void requireCounts(JsonNode counts, List<UnitSet> sets, String where, String rangesKey) {
        if (counts.isMissingNode()) {
            return; // rankings written before the counts existed
        }
        int[] kept = ints(counts, where);
        if (kept.length != sets.size()) {
            throw new IllegalArgumentException(where + " lists " + kept.length + " layers; " + rangesKey + " lists "
                    + sets.size());
        }
        for (int l = 0; l < kept.length; l++) {
            if (kept[l] != sets.get(l).count()) {
                throw new IllegalArgumentException(where + "[" + l + "] is " + kept[l] + ", but " + rangesKey + "[" + l
                        + "] '" + UnitRanges.format(sets.get(l)) + "' keeps " + sets.get(l).count()
                        + ": edit both, or take the row as prune wrote it");
            }
        }
    }

    /** A JSON value as a message shows it: a missing one printed as nothing, which reads as a truncated message. */
    private static String found(JsonNode node) {
        return node.isMissingNode() ? "nothing (the key is missing)" : node.toString();
    }

    private static List<UnitSet> ranges(JsonNode node, int[] sizes, String where) {
        if (!node.isArray() || node.size() != sizes.length) {
            throw new IllegalArgumentException(where + " should list " + sizes.length + " layers of ranges; found "
                    + found(node));
        }
        List<UnitSet> sets = new ArrayList<>(sizes.length);
        for (int l = 0; l < sizes.length; l++) {
            if (!node.get(l).isTextual()) {
                // asText() would read the number 3 as the unit set {3}, a different mask than meant
                throw new IllegalArgumentException(where + "[" + l + "] should be text of unit ranges such as \"0-3,7\""
                        + " (\"\" for none); found " + node.get(l));
            }
            try {
                sets.add(UnitRanges.parse(node.get(l).asText(), sizes[l]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "[" + l + "]: " + e.getMessage(), e);
            }
        }
        return sets;
    }

    private static int[] ints(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " should be an array of integers; found " + found(node));
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            if (!node.get(i).canConvertToInt() || !node.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException(where + "[" + i + "] should be an integer; found " + node.get(i));
            }
            out[i] = node.get(i).intValue();
        }
        return out;
    }

    /** A unit order per layer, each as long as the dense layer's {@code sizes} ({@code sizesKey} names them). */
    private static int[][] nested(JsonNode node, String where, int[] sizes, String sizesKey) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " should be an array per layer; found " + found(node));
        }
        if (node.size() != sizes.length) {
            throw new IllegalArgumentException(where + " lists " + node.size() + " layers; " + sizesKey + " lists "
                    + sizes.length);
        }
        int[][] out = new int[node.size()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = ints(node.get(l), where + "[" + l + "]");
            if (out[l].length != sizes[l]) {
                throw new IllegalArgumentException(where + "[" + l + "] orders " + out[l].length + " units, but "
                        + sizesKey + " gives layer " + l + " " + sizes[l] + ": the order must list each of its units once");
            }
        }
        return out;
    }
}
