package org.zeroprune.nas.benchmark.flexibert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code BERT_benchmark.json}: a JSON list of records, each with {@code id},
 * {@code scores.glue} and {@code hparams.model_hparam_overrides} = {@code {hidden_size,
 * nas_config.encoder_layers[]}}; each layer has {@code operation_type}, {@code operation_parameter},
 * {@code num_operation_heads}, {@code feed_forward_dimension} and {@code num_feed_forward}. Other
 * fields are ignored. Any problem is a {@link BenchmarkDataException} naming the file, the record
 * (position and id) and the field.
 */
public final class BenchmarkReader {
    private static final String OVERRIDES = "hparams.model_hparam_overrides";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkReader() {
    }

    /** The records of {@code file}, in file order. */
    public static List<BenchmarkRecord> read(Path file) {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw new BenchmarkDataException(file + ": expected a JSON list of benchmark records, found "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<BenchmarkRecord> records = new ArrayList<>(root.size());
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            BenchmarkRecord record = record(file, i, root.get(i));
            if (!ids.add(record.id())) {
                throw new BenchmarkDataException(file + ": record " + i + ": field id: " + record.id()
                        + " appears more than once");
            }
            records.add(record);
        }
        if (records.size() < 2) {
            throw new BenchmarkDataException(file + ": " + records.size() + " records; rank correlations need at least 2");
        }
        return List.copyOf(records);
    }

    /** Parses a JSON file; a missing or unparsable file is an error naming it. */
    static JsonNode parse(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BenchmarkDataException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new BenchmarkDataException(file + ": not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new BenchmarkDataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static BenchmarkRecord record(Path file, int index, JsonNode node) {
        Fields f = new Fields(file + ": record " + index);
        int id = f.integer(node, "id");
        f = new Fields(file + ": record " + index + " (id " + id + ")");
        double glue = f.number(node, "scores.glue");
        int hidden = f.integer(node, OVERRIDES + ".hidden_size");
        JsonNode layers = f.array(node, OVERRIDES + ".nas_config.encoder_layers");
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            specs.add(layer(f, OVERRIDES + ".nas_config.encoder_layers[" + l + "]", layers.get(l)));
        }
        try {
            return new BenchmarkRecord(id, glue, new Architecture(hidden, specs));
        } catch (IllegalArgumentException e) {
            String parent = e.getMessage().startsWith("hidden_size") ? OVERRIDES + "." : OVERRIDES + ".nas_config.";
            throw f.error(parent + e.getMessage());
        }
    }

    /** One layer object; {@code path} is its position for messages. */
    static LayerSpec layer(Fields f, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw f.error(path + ": expected an object");
        }
        String type = f.text(node, path, "operation_type");
        OperationType operation;
        try {
            operation = OperationType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw f.error(path + ".operation_type: expected SA, LT or DSC, got '" + type + "'");
        }
        JsonNode parameter = node.get("operation_parameter");
        if (parameter == null || !(parameter.isTextual() || parameter.isIntegralNumber())) {
            throw f.error(path + ".operation_parameter: missing, or neither text nor an integer");
        }
        try {
            return new LayerSpec(operation, parameter.asText(), f.integer(node, path, "num_operation_heads"),
                    f.integer(node, path, "feed_forward_dimension"), f.integer(node, path, "num_feed_forward"));
        } catch (IllegalArgumentException e) {
            throw f.error(path + "." + e.getMessage());
        }
    }

    /** Typed access to fields by dotted path, with messages that name {@code where} and the field. */
    static final class Fields {
        private final String where;

        Fields(String where) {
            this.where = where;
        }

        BenchmarkDataException error(String detail) {
            return new BenchmarkDataException(where + ": field " + detail);
        }

        JsonNode find(JsonNode node, String path) {
            JsonNode current = node;
            for (String key : path.split("\\.")) {
                current = current == null || !current.isObject() ? null : current.get(key);
            }
            if (current == null || current.isNull()) {
                throw error(path + ": missing");
            }
            return current;
        }

        int integer(JsonNode node, String path) {
            JsonNode value = find(node, path);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw error(path + ": expected an integer, got " + value);
            }
            return value.intValue();
        }

        int integer(JsonNode node, String prefix, String key) {
            JsonNode value = node.get(key);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
                throw error(prefix + "." + key + ": expected an integer, got " + (value == null ? "nothing" : value));
            }
            return value.intValue();
        }

        double number(JsonNode node, String path) {
            JsonNode value = find(node, path);
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw error(path + ": expected a finite number, got " + value);
            }
            return value.doubleValue();
        }

        String text(JsonNode node, String prefix, String key) {
            JsonNode value = node.get(key);
            if (value == null || !value.isTextual()) {
                throw error(prefix + "." + key + ": expected text, got " + (value == null ? "nothing" : value));
            }
            return value.textValue();
        }

        JsonNode array(JsonNode node, String path) {
            JsonNode value = find(node, path);
            if (!value.isArray() || value.isEmpty()) {
                throw error(path + ": expected a non-empty list, got " + value);
            }
            return value;
        }
    }
}
