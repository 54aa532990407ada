package org.zeroprune.nas.benchmark.flexibert;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The FlexiBERT design space of {@code search_space.json}: choices of {@code hidden_size} and
 * {@code num_encoder_layers}, and per layer ({@code encoder_layer}) of {@code operation_type},
 * {@code num_operation_heads}, {@code feed_forward_dimension}, {@code num_feed_forward} and the
 * parameter of each operation type ({@code SA}, {@code LT}, {@code DSC} lists).
 *
 * <p>{@link #sample} draws every choice uniformly and independently, each layer on its own, in a
 * fixed order, so the same generator state gives the same architecture.
 */
public final class FlexiSearchSpace {
    private final int[] hiddenSizes;
    private final int[] layerCounts;
    private final OperationType[] operations;
    private final int[] heads;
    private final int[] ffnWidths;
    private final int[] ffnCounts;
    private final String[][] parameters;

    private FlexiSearchSpace(int[] hiddenSizes, int[] layerCounts, OperationType[] operations, int[] heads,
            int[] ffnWidths, int[] ffnCounts, String[][] parameters) {
        this.hiddenSizes = hiddenSizes;
        this.layerCounts = layerCounts;
        this.operations = operations;
        this.heads = heads;
        this.ffnWidths = ffnWidths;
        this.ffnCounts = ffnCounts;
        this.parameters = parameters;
    }

    /** Reads {@code search_space.json}; a missing or malformed file is an error naming the file and the field. */
    public static FlexiSearchSpace read(Path file) {
        JsonNode root = BenchmarkReader.parse(file);
        BenchmarkReader.Fields f = new BenchmarkReader.Fields(file.toString());
        int[] hidden = integers(f, root, "hidden_size");
        int[] layers = integers(f, root, "num_encoder_layers");
        List<String> types = texts(f, root, "encoder_layer.operation_type");
        OperationType[] operations = new OperationType[types.size()];
        String[][] parameters = new String[OperationType.values().length][];
        for (int i = 0; i < operations.length; i++) {
            try {
                operations[i] = OperationType.valueOf(types.get(i));
            } catch (IllegalArgumentException e) {
                throw f.error("encoder_layer.operation_type[" + i + "]: expected SA, LT or DSC, got '" + types.get(i) + "'");
            }
            parameters[operations[i].ordinal()] = texts(f, root, "encoder_layer." + operations[i]).toArray(String[]::new);
        }
        FlexiSearchSpace space = new FlexiSearchSpace(hidden, layers, operations,
                integers(f, root, "encoder_layer.num_operation_heads"),
                integers(f, root, "encoder_layer.feed_forward_dimension"),
                integers(f, root, "encoder_layer.num_feed_forward"), parameters);
        space.checkEveryChoiceBuilds(f);
        return space;
    }

    /** A random architecture of this space. */
    public Architecture sample(SplittableRandom random) {
        int hidden = pick(hiddenSizes, random);
        int depth = pick(layerCounts, random);
        List<LayerSpec> layers = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            OperationType operation = operations[random.nextInt(operations.length)];
            String[] choices = parameters[operation.ordinal()];
            String parameter = choices[random.nextInt(choices.length)];
            layers.add(new LayerSpec(operation, parameter, pick(heads, random), pick(ffnWidths, random),
                    pick(ffnCounts, random)));
        }
        return new Architecture(hidden, layers);
    }

    private static int pick(int[] choices, SplittableRandom random) {
        return choices[random.nextInt(choices.length)];
    }

    // every combination must make a valid layer, else sampling would fail late and at random
    private void checkEveryChoiceBuilds(BenchmarkReader.Fields f) {
        for (int hidden : hiddenSizes) {
            for (int h : heads) {
                for (OperationType op : operations) {
                    for (String parameter : parameters[op.ordinal()]) {
                        try {
                            new Architecture(hidden, List.of(new LayerSpec(op, parameter, h, ffnWidths[0], ffnCounts[0])));
                        } catch (IllegalArgumentException e) {
                            throw f.error("encoder_layer: the choice hidden_size " + hidden + ", " + op + " " + parameter
                                    + ", " + h + " heads does not make a valid layer: " + e.getMessage());
                        }
                    }
                }
            }
        }
    }

    private static int[] integers(BenchmarkReader.Fields f, JsonNode root, String path) {
        JsonNode list = f.array(root, path);
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = list.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() <= 0) {
                throw f.error(path + "[" + i + "]: expected a positive integer, got " + v);
            }
            values[i] = v.intValue();
        }
        return values;
    }

    private static List<String> texts(BenchmarkReader.Fields f, JsonNode root, String path) {
        JsonNode list = f.array(root, path);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (!v.isTextual() && !v.isIntegralNumber()) {
                throw f.error(path + "[" + i + "]: expected text or an integer, got " + v);
            }
            values.add(v.asText());
        }
        return values;
    }
}
