package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code tokenizer.json} that HuggingFace's {@code BertTokenizerFast} builds for a checkpoint
 * that has only {@code vocab.txt} (most older BERT checkpoints): transformers' {@code BertConverter}
 * turns the vocabulary and {@code tokenizer_config.json} into a WordPiece model with a
 * BertNormalizer, BertPreTokenizer, {@code [CLS] $A [SEP]} template and WordPiece decoder. Writing
 * the same JSON and loading it through HF tokenizers (DJL's binding) makes the behaviour HF's own
 * rather than a reimplementation's. The file is written once per JVM and file version into a
 * temporary file (the checkpoint directory is the user's and is never written).
 */
public final class VocabTokenizer {
    /** The WordPiece vocabulary, one token a line, the id being the line number. */
    public static final String VOCAB = "vocab.txt";
    /** HF's tokenizer settings beside the vocabulary. */
    public static final String CONFIG = "tokenizer_config.json";
    /** Special tokens that override {@link #CONFIG}'s, as HF reads them. */
    public static final String SPECIAL_TOKENS = "special_tokens_map.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    /** A built tokenizer file and what it was built from, for summaries. */
    public record Built(Path file, String description) {
    }

    /** BertTokenizer's settings; {@code stripAccents} null means "as lowercase", as in HF. */
    record Settings(boolean lowercase, Boolean stripAccents, boolean chineseChars, String unk, String cls, String sep,
            String pad, String mask) {
        boolean strips() {
            return stripAccents == null ? lowercase : stripAccents;
        }

        String description() {
            return VOCAB + " (built: " + (lowercase ? "lowercase" : "cased") + ", " + (strips() ? "strip accents" : "keep accents")
                    + (chineseChars ? "" : ", Chinese characters not split") + ")";
        }
    }

    private VocabTokenizer() {
    }

    /**
     * The tokenizer built from {@code directory}'s {@code vocab.txt}, if it has one.
     *
     * @throws CheckpointException naming the file when the vocabulary or the settings cannot be read
     */
    public static Optional<Built> forDirectory(Path directory) {
        Path vocab = directory.resolve(VOCAB);
        if (!Files.isRegularFile(vocab)) {
            return Optional.empty();
        }
        String key = version(directory.toAbsolutePath().normalize(), vocab, directory.resolve(CONFIG),
                directory.resolve(SPECIAL_TOKENS));
        return Optional.of(BUILT.computeIfAbsent(key, k -> build(directory)));
    }

    private static Built build(Path directory) {
        Settings settings = settings(directory);
        ObjectNode json = tokenizerJson(readVocab(directory.resolve(VOCAB)), settings, directory.resolve(VOCAB));
        try {
            Path file = Files.createTempFile("zeroprune-vocab-tokenizer-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, JSON.writeValueAsString(json));
            return new Built(file, settings.description());
        } catch (IOException e) {
            throw new CheckpointException(directory.resolve(VOCAB), "cannot write the tokenizer built from it: "
                    + e.getMessage(), e);
        }
    }

    /** The settings HF's BertTokenizerFast would use: its defaults, then tokenizer_config.json, then the special tokens map. */
    static Settings settings(Path directory) {
        JsonNode config = readObject(directory.resolve(CONFIG));
        JsonNode special = readObject(directory.resolve(SPECIAL_TOKENS));
        JsonNode strip = config.path("strip_accents");
        return new Settings(config.path("do_lower_case").asBoolean(true),
                strip.isBoolean() ? strip.asBoolean() : null,
                config.path("tokenize_chinese_chars").asBoolean(true),
                token(config, special, "unk_token", "[UNK]"), token(config, special, "cls_token", "[CLS]"),
                token(config, special, "sep_token", "[SEP]"), token(config, special, "pad_token", "[PAD]"),
                token(config, special, "mask_token", "[MASK]"));
    }

    /** A special token given as a string or as a serialised AddedToken ({@code {"content": ...}}). */
    private static String token(JsonNode config, JsonNode special, String key, String fallback) {
        for (JsonNode node : List.of(special.path(key), config.path(key))) {
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.path("content").isTextual()) {
                return node.path("content").asText();
            }
        }
        return fallback;
    }

    private static JsonNode readObject(Path file) {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new CheckpointException(file, "expected a JSON object (HuggingFace tokenizer settings)");
            }
            return node;
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); expected HuggingFace tokenizer settings", e);
        }
    }

    /** Token to id as HF's {@code load_vocab} reads it: one token a line, a later duplicate taking the line's id. */
    static Map<String, Integer> readVocab(Path vocab) {
        List<String> lines;
        try {
            lines = Files.readAllLines(vocab, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new CheckpointException(vocab, "not UTF-8 text; expected a WordPiece vocabulary, one token a line", e);
        } catch (IOException e) {
            throw new CheckpointException(vocab, "cannot be read (" + e + ")", e);
        }
        if (lines.isEmpty()) {
            throw new CheckpointException(vocab, "is empty; expected a WordPiece vocabulary, one token a line");
        }
        Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ids.put(lines.get(i), i);
        }
        return ids;
    }

    /** The JSON of transformers' BertConverter for this vocabulary and these settings. */
    static ObjectNode tokenizerJson(Map<String, Integer> vocab, Settings s, Path vocabFile) {
        for (String required : List.of(s.unk(), s.cls(), s.sep())) {
            if (!vocab.containsKey(required)) {
                throw new CheckpointException(vocabFile, "has no token '" + required + "', which the tokenizer settings"
                        + " name as a special token; expected a BERT WordPiece vocabulary");
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        // HF registers the special tokens as added tokens: matched before normalisation, never split
        TreeMap<Integer, String> specials = new TreeMap<>();
        for (String t : List.of(s.unk(), s.sep(), s.pad(), s.cls(), s.mask())) {
            if (vocab.containsKey(t)) {
                specials.put(vocab.get(t), t);
            }
        }
        ArrayNode added = root.putArray("added_tokens");
        specials.forEach((id, content) -> added.addObject().put("id", id).put("content", content).put("single_word", false)
                .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true));
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", s.chineseChars());
        if (s.stripAccents() == null) {
            normalizer.putNull("strip_accents");
        } else {
            normalizer.put("strip_accents", s.stripAccents());
        }
        normalizer.put("lowercase", s.lowercase());
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, s.cls(), 0);
        sequence(single, "A", 0);
        special(single, s.sep(), 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, s.cls(), 0);
        sequence(pair, "A", 0);
        special(pair, s.sep(), 0);
        sequence(pair, "B", 1);
        special(pair, s.sep(), 1);
        ObjectNode tokens = post.putObject("special_tokens");
        for (String t : List.of(s.cls(), s.sep())) {
            ObjectNode entry = tokens.putObject(t);
            entry.put("id", t);
            entry.putArray("ids").add(vocab.get(t));
            entry.putArray("tokens").add(t);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", s.unk()).put("continuing_subword_prefix", "##")
                .put("max_input_chars_per_word", 100);
        ObjectNode ids = model.putObject("vocab");
        vocab.forEach(ids::put);
        return root;
    }

    private static void special(ArrayNode template, String token, int typeId) {
        template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
    }

    private static void sequence(ArrayNode template, String id, int typeId) {
        template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
    }

    private static String version(Path directory, Path... files) {
        StringBuilder key = new StringBuilder(directory.toString());
        for (Path f : files) {
            try {
                key.append('|').append(Files.exists(f) ? Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis() : "-");
            } catch (IOException e) {
                key.append("|?");
            }
        }
        return key.toString();
    }
}
