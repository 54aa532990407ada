package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files sentence-transformers reads beside a transformers checkpoint to turn token states into a
 * sentence embedding, following its public save format: {@code modules.json} (the modules in order:
 * {@code idx}, {@code name}, {@code path} relative to the folder, {@code type} the Python class),
 * {@code sentence_bert_config.json} (the Transformer module's {@code max_seq_length} and
 * {@code do_lower_case}), and one folder per later module: {@code 1_Pooling/config.json} with the
 * Pooling module's keys, an empty {@code 2_Normalize} for L2 normalisation.
 *
 * <p>Pruning keeps the hidden size, so every module after the Transformer is unchanged by it: a
 * source that has a layout keeps it as it is ({@link #read}); a source without one gets
 * sentence-transformers' own default for a plain transformers folder, mean pooling and no
 * normalisation ({@link #meanPooling}).
 */
public final class SentenceTransformersLayout {
    /** The module list's file name. */
    public static final String MODULES = "modules.json";
    /** The Transformer module's configuration file name. */
    public static final String TRANSFORMER_CONFIG = "sentence_bert_config.json";
    /** The model-wide settings file (prompts, similarity function), carried over when present. */
    public static final String MODEL_CONFIG = "config_sentence_transformers.json";
    /** The Pooling module's folder in the default layout. */
    public static final String POOLING_DIR = "1_Pooling";
    /** The Normalize module's folder in the default layout. */
    public static final String NORMALIZE_DIR = "2_Normalize";

    static final String TRANSFORMER_TYPE = "sentence_transformers.models.Transformer";
    static final String POOLING_TYPE = "sentence_transformers.models.Pooling";
    static final String NORMALIZE_TYPE = "sentence_transformers.models.Normalize";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArrayNode modules;
    private final ObjectNode transformerConfig;
    /** Files written as given, by path relative to the folder (module configurations made here). */
    private final Map<String, ObjectNode> configs;
    /** The folder whose module folders and model-wide settings are copied, for a layout read from disk. */
    private final Optional<Path> source;

    private SentenceTransformersLayout(ArrayNode modules, ObjectNode transformerConfig, Map<String, ObjectNode> configs,
            Optional<Path> source) {
        this.modules = modules;
        this.transformerConfig = transformerConfig;
        this.configs = configs;
        this.source = source;
    }

    /**
     * Transformer, mean Pooling over {@code hidden} dimensions and, if {@code normalize}, Normalize.
     *
     * @param maxSeqLength the longest input sentence-transformers feeds the model, in tokens
     */
    public static SentenceTransformersLayout meanPooling(int hidden, int maxSeqLength, boolean normalize) {
        ArrayNode modules = JSON.createArrayNode();
        addModule(modules, "", TRANSFORMER_TYPE);
        addModule(modules, POOLING_DIR, POOLING_TYPE);
        if (normalize) {
            addModule(modules, NORMALIZE_DIR, NORMALIZE_TYPE);
        }
        ObjectNode transformer = JSON.createObjectNode().put("max_seq_length", maxSeqLength).put("do_lower_case", false);
        // every key of the Pooling module, as sentence-transformers saves them
        ObjectNode pooling = JSON.createObjectNode().put("word_embedding_dimension", hidden)
                .put("pooling_mode_cls_token", false).put("pooling_mode_mean_tokens", true)
                .put("pooling_mode_max_tokens", false).put("pooling_mode_mean_sqrt_len_tokens", false)
                .put("pooling_mode_weightedmean_tokens", false).put("pooling_mode_lasttoken", false)
                .put("include_prompt", true);
        Map<String, ObjectNode> configs = new LinkedHashMap<>();
        configs.put(POOLING_DIR + "/config.json", pooling);
        return new SentenceTransformersLayout(modules, transformer, configs, Optional.empty());
    }

    private static void addModule(ArrayNode modules, String path, String type) {
        int idx = modules.size();
        modules.addObject().put("idx", idx).put("name", Integer.toString(idx)).put("path", path).put("type", type);
    }

    /**
     * The layout in {@code directory}, if it has a {@code modules.json}.
     *
     * @throws CheckpointException naming the file and key when {@code modules.json} or
     *     {@code sentence_bert_config.json} is not what sentence-transformers writes
     */
    public static Optional<SentenceTransformersLayout> read(Path directory) {
        Path file = directory.resolve(MODULES);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode modules = readJson(file);
        if (!modules.isArray() || modules.isEmpty()) {
            throw new CheckpointException(file, "expected a non-empty JSON array of modules, found " + modules.getNodeType());
        }
        for (int i = 0; i < modules.size(); i++) {
            JsonNode m = modules.get(i);
            if (!m.path("path").isTextual() || !m.path("type").isTextual()) {
                throw new CheckpointException(file, "module " + i + " is " + m + "; expected an object with string keys"
                        + " 'path' and 'type'");
            }
            String path = m.get("path").asText();
            if (path.startsWith("/") || path.contains("..")) {
                throw new CheckpointException(file, "module " + i + " has path '" + path
                        + "'; expected a folder inside the checkpoint directory");
            }
            // a Transformer in a folder would carry the dense weights into the export under that folder
            if (m.get("type").asText().equals(TRANSFORMER_TYPE) && !path.isEmpty()) {
                throw new CheckpointException(file, "module " + i + " is the Transformer in '" + path
                        + "'; expected path '' (the model at the folder's root, which is what zeroprune reads and writes)");
            }
        }
        Path transformerFile = directory.resolve(TRANSFORMER_CONFIG);
        ObjectNode transformer = JSON.createObjectNode();
        if (Files.isRegularFile(transformerFile)) {
            JsonNode node = readJson(transformerFile);
            if (!node.isObject()) {
                throw new CheckpointException(transformerFile, "expected a JSON object, found " + node.getNodeType());
            }
            transformer = (ObjectNode) node;
        }
        return Optional.of(new SentenceTransformersLayout((ArrayNode) modules, transformer, Map.of(), Optional.of(directory)));
    }

    private static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                throw new CheckpointException(file, "the file is empty; expected JSON as sentence-transformers writes it");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read: " + e.getMessage());
        }
    }

    /** Whether the modules end in L2 normalisation. */
    public boolean normalizes() {
        return types().contains(NORMALIZE_TYPE);
    }

    /** The modules' Python classes, in order. */
    public List<String> types() {
        return Stream.iterate(0, i -> i < modules.size(), i -> i + 1).map(i -> modules.get(i).get("type").asText()).toList();
    }

    /**
     * Writes the layout into {@code directory} (which holds, or will hold, the transformers checkpoint
     * itself): {@code modules.json}, {@code sentence_bert_config.json}, and every module folder.
     */
    public void write(Path directory) throws IOException {
        Files.writeString(directory.resolve(MODULES), JSON.writeValueAsString(modules) + "\n");
        Files.writeString(directory.resolve(TRANSFORMER_CONFIG), JSON.writeValueAsString(transformerConfig) + "\n");
        if (source.isPresent() && Files.isRegularFile(source.get().resolve(MODEL_CONFIG))) {
            Files.copy(source.get().resolve(MODEL_CONFIG), directory.resolve(MODEL_CONFIG));
        }
        for (JsonNode module : modules) {
            String path = module.get("path").asText();
            if (path.isEmpty()) {
                continue;
            }
            Path target = directory.resolve(path);
            Files.createDirectories(target);
            if (source.isPresent() && Files.isDirectory(source.get().resolve(path))) {
                copyTree(source.get().resolve(path), target);
            }
        }
        for (Map.Entry<String, ObjectNode> config : configs.entrySet()) {
            Files.writeString(directory.resolve(config.getKey()), JSON.writeValueAsString(config.getValue()) + "\n");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
