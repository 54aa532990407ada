package org.zeroprune.nas.checkpoint;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.spi.context.SpecialTokens;

/**
 * A checkpoint's {@code tokenizer.json} through DJL's HuggingFace tokenizers binding: text to
 * token ids with {@code [CLS] … [SEP]}, truncated to a maximum length, never padded (whatever
 * padding the file configures is switched off; the forward pass pads per batch). Special token ids
 * come from the file's vocabulary. Closing frees the native tokenizer.
 */
public final class BertTokenizer implements AutoCloseable {
    /** Maximum sequence length, special tokens included, unless told otherwise. */
    public static final int DEFAULT_MAX_LENGTH = 128;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HuggingFaceTokenizer tokenizer;
    private final SpecialTokens specialTokens;
    private final int maxLength;

    private BertTokenizer(HuggingFaceTokenizer tokenizer, SpecialTokens specialTokens, int maxLength) {
        this.tokenizer = tokenizer;
        this.specialTokens = specialTokens;
        this.maxLength = maxLength;
    }

    /**
     * The tokenizer of {@code checkpoint}: its {@code tokenizer.json}, else one built from its
     * {@code vocab.txt} and {@code tokenizer_config.json} as HF's BertTokenizerFast builds it.
     *
     * @throws ZeroPruneException naming the files when neither exists or the one found is unusable
     */
    public static BertTokenizer forCheckpoint(BertCheckpoint checkpoint, int maxLength) {
        Path file = checkpoint.tokenizer().orElseThrow(() -> missing(checkpoint.directory().resolve(BertCheckpoint.TOKENIZER)));
        return open(file, maxLength);
    }

    /** The error for a model without a tokenizer, naming {@code expected}, where the user would put it. */
    public static ZeroPruneException missing(Path expected) {
        return new ZeroPruneException(expected + ": not found, nor a vocab.txt beside it; the forward pass needs the"
                + " model's tokenizer.json (HuggingFace tokenizers format) there, or in a checkpoint directory a WordPiece"
                + " vocab.txt (with its tokenizer_config.json). Strategies that run the model need it"
                + " (synthetic-fidelity, the default, and fisher); weight-only ones do not (--strategy perturbation)");
    }

    /**
     * The longest sequence to tokenise to for a model with {@code maxPositions} position embeddings:
     * {@code requested}, or fewer when the model cannot take that many tokens.
     */
    public static int lengthFor(int requested, int maxPositions) {
        return Math.max(2, Math.min(requested, maxPositions));
    }

    /**
     * The tokenizer in {@code tokenizerJson}.
     *
     * @param maxLength longest sequence produced, special tokens included (at least 2)
     * @throws ZeroPruneException naming the file when it is missing or not a HuggingFace tokenizer
     */
    public static BertTokenizer open(Path tokenizerJson, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("max length must leave room for [CLS] and [SEP], got " + maxLength);
        }
        requireReadableFile(tokenizerJson);
        SpecialTokens special = specialTokens(tokenizerJson);
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxLength));
        try {
            return new BertTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options), special, maxLength);
        } catch (IOException | RuntimeException e) {
            throw new ZeroPruneException(tokenizerJson + ": cannot be loaded as a HuggingFace tokenizer ("
                    + e.getMessage() + "); expected a tokenizer.json written by HuggingFace tokenizers", e);
        }
    }

    /**
     * Checks that {@code tokenizerJson} is a HuggingFace tokenizer by loading it, so that a wrong
     * file is refused before any work rather than copied and found wanting later.
     *
     * @throws ZeroPruneException naming the file and what was expected
     */
    public static void check(Path tokenizerJson) {
        open(tokenizerJson, DEFAULT_MAX_LENGTH).close();
    }

    // the JSON parser would call an unreadable file "not valid JSON"; say what is wrong instead
    private static void requireReadableFile(Path file) {
        String expected = "; expected a HuggingFace tokenizer.json file";
        if (Files.isDirectory(file)) {
            throw new ZeroPruneException(file + ": is a directory" + expected);
        }
        if (!Files.exists(file)) {
            throw new ZeroPruneException(file + ": not found" + expected);
        }
        if (!Files.isRegularFile(file)) {
            throw new ZeroPruneException(file + ": not a regular file" + expected);
        }
        if (!Files.isReadable(file)) {
            throw new ZeroPruneException(file + ": cannot be read (permission denied)" + expected);
        }
    }

    /** Ids of {@code [CLS]}, {@code [SEP]}, {@code [PAD]}, {@code [UNK]}, {@code [MASK]} ({@code -1} if absent). */
    public SpecialTokens specialTokens() {
        return specialTokens;
    }

    /** Longest sequence produced, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    /** Token ids of one text, {@code [CLS] … [SEP]}, truncated. */
    public int[] encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** Token ids of every text, each of its own length. */
    public int[][] encode(List<String> texts) {
        int[][] out = new int[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(texts.get(i));
        }
        return out;
    }

    /** Frees the native tokenizer. */
    @Override
    public void close() {
        tokenizer.close();
    }

    /**
     * Looks the special tokens up in the file: {@code added_tokens} first, then the model's
     * vocabulary (an object token → id for WordPiece and BPE, a list of {@code [token, score]} for
     * Unigram, where the id is the position).
     */
    private static SpecialTokens specialTokens(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // the parser quotes the offending bytes; keep control characters of binary files off the terminal
            String detail = e.getMessage().lines().findFirst().orElse("").replaceAll("[\\p{Cntrl}\\uFFFD]", "?");
            throw new ZeroPruneException(file + ": not valid JSON (" + detail + "); expected a HuggingFace tokenizer.json", e);
        } catch (IOException e) {
            throw new ZeroPruneException(file + ": cannot be read (" + AtomicFiles.reason(e) + "); expected a HuggingFace"
                    + " tokenizer.json file", e);
        }
        if (root == null || !root.isObject()) {
            throw new ZeroPruneException(file + ": expected a JSON object (a HuggingFace tokenizer.json)");
        }
        if (!root.path("model").isObject()) {
            throw new ZeroPruneException(file + ": JSON without a \"model\" object (the tokenizer's WordPiece, BPE or"
                    + " Unigram model); expected a HuggingFace tokenizer.json");
        }
        return new SpecialTokens(idOf(root, "[CLS]"), idOf(root, "[SEP]"), idOf(root, "[PAD]"), idOf(root, "[UNK]"),
                idOf(root, "[MASK]"));
    }

    private static int idOf(JsonNode root, String token) {
        for (JsonNode added : root.path("added_tokens")) {
            if (token.equals(added.path("content").asText(null)) && added.path("id").canConvertToInt()) {
                return added.path("id").asInt();
            }
        }
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject() && vocab.path(token).canConvertToInt()) {
            return vocab.path(token).asInt();
        }
        if (vocab.isArray()) {
            for (int i = 0; i < vocab.size(); i++) {
                if (token.equals(vocab.get(i).path(0).asText(null))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
