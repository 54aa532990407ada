package org.zeroprune.nas.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.search.SearchConfig;

/**
 * Reads a {@link PruneConfig}: the defaults, then a YAML or JSON file, then command-line
 * overrides ({@code key.path=value}), then binds and validates. Unknown keys, wrong types and
 * out-of-range values are {@link ConfigException}s that name the source and the key.
 */
public final class ConfigLoader {
    private static final String BUDGET_KINDS = "flops, params, latency";
    private static final List<String> BUDGET_KEYS = List.of("budget.flops", "budget.params", "budget.latency");
    // a key given twice in a file is refused: the parser would otherwise keep the last one silently
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ConfigLoader() {
    }

    /**
     * The configuration from defaults, an optional file and overrides.
     *
     * @param file a YAML or JSON file, or empty
     * @param overrides {@code key.path -> value} pairs applied last, in order
     */
    public static PruneConfig load(Optional<Path> file, Map<String, String> overrides) {
        List<String> budgets = overrides.keySet().stream().filter(k -> BUDGET_KEYS.contains(k)).toList();
        if (budgets.size() > 1) {
            // a file's budget is replaced by the command line's, but two on the command line contradict each other
            throw new ConfigException("the command line sets " + budgets.size() + " budgets (" + budgets.stream()
                    .map(k -> k + "=" + overrides.get(k)).collect(Collectors.joining(", ")) + "): give one of --flops,"
                    + " --params, --latency (budget.flops, budget.params, budget.latency)");
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
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a YAML or JSON configuration file into a tree. */
    public static ObjectNode read(Path file) {
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
     * Deep-merges {@code overlay} into {@code base}. A budget kind set in the overlay replaces the
     * base's kind, since exactly one kind may be set.
     */
    public static void merge(ObjectNode base, ObjectNode overlay) {
        JsonNode budget = overlay.get("budget");
        if (budget != null && budget.isObject() && base.get("budget") instanceof ObjectNode baseBudget
                && List.of("flops", "params", "latency").stream().anyMatch(budget::has)) {
            baseBudget.remove(List.of("flops", "params", "latency"));
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
    public static void apply(ObjectNode tree, String path, String value) {
        String[] keys = path.split("\\.");
        if (path.isBlank() || java.util.Arrays.stream(keys).anyMatch(String::isBlank)) {
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
        if (keys.length == 2 && keys[0].equals("budget") && List.of("flops", "params", "latency").contains(last)) {
            node.remove(List.of("flops", "params", "latency"));
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

    /** Binds a merged tree and validates it; {@code source} names it in messages. */
    public static PruneConfig bind(ObjectNode tree, String source) {
        PruneConfig config;
        try {
            config = YAML.treeToValue(tree, PruneConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String full = path(e);
            String where = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : "";
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            throw new ConfigException(source + ": unknown key '" + (where.isEmpty() ? "" : where + ".")
                    + e.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known keys" + (where.isEmpty() ? "" : " in '"
                    + where + "'") + ": " + known));
        } catch (InvalidFormatException e) {
            throw new ConfigException(source + ": key '" + path(e) + "' is '" + e.getValue() + "'; expected "
                    + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(source + ": key '" + path(e) + "' has the wrong type; expected "
                    + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        validate(config, source);
        return config;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping of settings";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Checks ranges and combinations. */
    static void validate(PruneConfig c, String source) {
        require(c.model() != null && !c.model().isBlank(), source, "model", c.model(), "embedded, a checkpoint directory or an .onnx file");
        PruneConfig.BudgetConfig b = c.budget();
        require(b != null, source, "budget", null, "a mapping with one of " + BUDGET_KINDS);
        long kinds = java.util.stream.Stream.of(b.flops(), b.params(), b.latency()).filter(java.util.Objects::nonNull).count();
        require(kinds == 1, source, "budget", kinds == 0 ? "no kind" : "several kinds", "exactly one of " + BUDGET_KINDS);
        ratio(source, "budget.flops", b.flops());
        ratio(source, "budget.params", b.params());
        ratio(source, "budget.latency", b.latency());
        require(b.sequenceLength() >= 1 && b.sequenceLength() <= 8192, source, "budget.sequence-length", b.sequenceLength(), "1..8192");
        require(b.latencyBatch() >= 1 && b.latencyBatch() <= 1024, source, "budget.latency-batch", b.latencyBatch(), "1..1024");
        SearchConfig s = c.search();
        require(s != null, source, "search", null, "a mapping");
        List<String> searches = List.of("random", "evolutionary", "greedy", "uniform", "exhaustive", "hybrid");
        require(searches.contains(s.strategy()), source, "search.strategy", s.strategy(), "one of " + String.join(", ", searches));
        require(s.candidates() >= 1 && s.candidates() <= 10_000_000, source, "search.candidates", s.candidates(), "1..10000000");
        require(s.seed() >= 0, source, "search.seed", s.seed(), "a non-negative integer");
        require(s.neuronBlock() >= 1, source, "search.neuron-block", s.neuronBlock(), "a positive integer");
        require(s.minHeads() >= 0, source, "search.min-heads", s.minHeads(), "a non-negative integer");
        require(s.minNeurons() >= 0, source, "search.min-neurons", s.minNeurons(), "a non-negative integer");
        require(List.of("auto", "random", "importance").contains(s.unitSelection()), source, "search.unit-selection",
                s.unitSelection(), "auto, random or importance");
        require(s.unitImportance() != null, source, "search.unit-importance", null,
                "the name of a scoring strategy, or empty for the scoring strategy's");
        require(s.unitImportance().isBlank() || !s.unitSelection().equals("random"), source, "search.unit-importance",
                s.unitImportance(), "empty when search.unit-selection is random, which orders no units");
        require(s.population() >= 2, source, "search.population", s.population(), "at least 2");
        require(s.mutationRate() >= 0 && s.mutationRate() <= 1, source, "search.mutation-rate", s.mutationRate(), "0..1");
        require(s.tournament() >= 1 && s.tournament() <= s.population(), source, "search.tournament", s.tournament(),
                "1..population");
        require(s.shortlist() >= 1, source, "search.shortlist", s.shortlist(), "a positive integer");
        PruneConfig.ScoringConfig sc = c.scoring();
        require(sc != null && sc.strategy() != null && !sc.strategy().isBlank(), source, "scoring.strategy",
                sc == null ? null : sc.strategy(), "the name of a scoring strategy (see: zeroprune strategies)");
        PruneConfig.OutputConfig o = c.output();
        require(o != null && o.dir() != null && !o.dir().isBlank(), source, "output.dir", o == null ? null : o.dir(), "a directory");
        require(o.exportRank() >= 1, source, "output.export-rank", o.exportRank(), "1 or more");
        require(o.latencySeconds() >= 1 && o.latencySeconds() <= 3600, source, "output.latency-seconds",
                o.latencySeconds(), "1..3600 seconds");
        // no search ranks more than it evaluates; refused before the search rather than after it
        require(!o.export() || o.exportRank() <= s.candidates(), source, "output.export-rank", o.exportRank(),
                "at most search.candidates (" + s.candidates() + "), the most candidates a search ranks");
        require(List.of("ranges", "order").contains(o.masks()), source, "output.masks", o.masks(), "ranges or order");
        require(!o.masks().equals("order") || !s.unitSelection().equals("random"), source, "output.masks", o.masks(),
                "ranges when search.unit-selection is random, which keeps no unit order");
        require(o.format() != null && List.of(ExportFormat.NAMES.split(", ")).contains(o.format()), source, "output.format",
                o.format(), ExportFormat.NAMES);
        require(c.threads() >= 0 && c.threads() <= 1024, source, "threads", c.threads(), "0 (every core) .. 1024");
        PruneConfig.ReconstructConfig r = c.reconstruct();
        require(r != null, source, "reconstruct", null, "a mapping");
        require(List.of("none", "scales", "refit", "tune").contains(r.level()), source, "reconstruct.level", r.level(),
                "none, scales, refit or tune");
        require(List.of("auto", "generated", "corpus").contains(r.calibration()), source, "reconstruct.calibration",
                r.calibration(), "auto, generated or corpus");
        require(!r.calibration().equals("corpus") || !sc.corpus().isBlank(), source, "reconstruct.calibration",
                r.calibration(), "generated or auto unless scoring.corpus names a corpus (--corpus builtin|FILE)");
        require(r.sequences() >= 8 && r.sequences() <= 100_000, source, "reconstruct.sequences", r.sequences(), "8..100000");
        require(r.steps() >= 1 && r.steps() <= 100_000, source, "reconstruct.steps", r.steps(), "1..100000");
        require(r.rerank() >= 1 && r.rerank() <= 100, source, "reconstruct.rerank", r.rerank(), "1..100");
    }

    private static void ratio(String source, String key, Double value) {
        if (value != null) {
            require(value > 0 && value <= 1, source, key, value, "a ratio in (0, 1] of the dense model");
        }
    }

    private static void require(boolean ok, String source, String key, Object value, String expected) {
        if (!ok) {
            throw new ConfigException(source + ": key '" + key + "' is " + (value == null ? "missing" : "'" + value + "'")
                    + "; expected " + expected);
        }
    }
}
