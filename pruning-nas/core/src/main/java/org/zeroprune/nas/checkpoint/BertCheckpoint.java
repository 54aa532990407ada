package org.zeroprune.nas.checkpoint;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A HuggingFace BERT checkpoint directory: {@code config.json}, {@code model.safetensors} and,
 * optionally, {@code tokenizer.json} (or an older checkpoint's {@code vocab.txt}). Tensor names are
 * canonical (without {@code bert.}); the prefix the file used is remembered so that an export
 * writes the same layout back. Tensors that zeroprune does not prune (embeddings, pooler, task
 * heads, integer buffers) are kept as they are.
 */
public final class BertCheckpoint {
    /** Name of the weights file inside a checkpoint directory. */
    public static final String WEIGHTS = "model.safetensors";
    /** Name of the configuration file inside a checkpoint directory. */
    public static final String CONFIG = "config.json";
    /** Name of the tokenizer file inside a checkpoint directory. */
    public static final String TOKENIZER = "tokenizer.json";

    private final Path directory;
    private final BertConfig config;
    private final Map<String, Tensor> tensors;
    private final String prefix;

    /**
     * A checkpoint from parts.
     *
     * @param directory where it lives (or will), for messages and the tokenizer
     * @param config the configuration
     * @param tensors tensors by canonical name
     * @param prefix the prefix the weights file uses before encoder names, {@code ""} or {@code "bert."}
     */
    public BertCheckpoint(Path directory, BertConfig config, Map<String, Tensor> tensors, String prefix) {
        this.directory = directory;
        this.config = config;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.prefix = prefix;
    }

    /**
     * Reads a checkpoint directory, checking every float tensor for NaN and infinity.
     *
     * @throws CheckpointException naming the file and tensor at fault
     */
    public static BertCheckpoint read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CheckpointException(directory, Files.exists(directory)
                    ? "not a directory; expected a checkpoint directory with config.json and model.safetensors"
                    : "not found");
        }
        Path weights = directory.resolve(WEIGHTS);
        if (!Files.exists(weights)) {
            String hint = Files.exists(directory.resolve("model.safetensors.index.json"))
                    ? "sharded checkpoints are not supported; merge the shards into one model.safetensors"
                    : Files.exists(directory.resolve("pytorch_model.bin"))
                    ? "only safetensors is supported; pytorch_model.bin is not read (convert it with HF's"
                      + " save_pretrained(safe_serialization=True))"
                    : Files.isDirectory(directory.resolve("model")) && Files.exists(directory.resolve("ranking.json"))
                    // a prune output holds the pruned checkpoint one level down
                    ? "expected model.safetensors; it looks like a prune output: pass " + directory.resolve("model")
                    : "expected model.safetensors";
            throw new CheckpointException(directory, "no " + WEIGHTS + ": " + hint);
        }
        BertConfig config = BertConfig.read(directory.resolve(CONFIG));
        SafetensorsFile file = SafetensorsReader.read(weights);
        Map<String, Tensor> canonical = new LinkedHashMap<>();
        boolean prefixed = file.tensors().keySet().stream().anyMatch(n -> n.startsWith(BertNames.BERT_PREFIX + "encoder."));
        for (Tensor t : file.tensors().values()) {
            String name = canonicalName(t.name(), prefixed);
            if (canonical.containsKey(name)) {
                throw new CheckpointException(weights, "tensor '" + t.name() + "' and another tensor both map to '"
                        + name + "'; expected one tensor per name");
            }
            canonical.put(name, name.equals(t.name()) ? t : t.renamed(name));
            checkFinite(weights, t);
        }
        BertCheckpoint checkpoint = new BertCheckpoint(directory, config, canonical, prefixed ? BertNames.BERT_PREFIX : "");
        BertLayout.check(weights, checkpoint);
        return checkpoint;
    }

    private static String canonicalName(String stored, boolean prefixed) {
        String name = prefixed && stored.startsWith(BertNames.BERT_PREFIX) ? stored.substring(BertNames.BERT_PREFIX.length()) : stored;
        // TF-era checkpoints name LayerNorm parameters gamma and beta
        if (name.endsWith("LayerNorm.gamma")) {
            name = name.substring(0, name.length() - "gamma".length()) + "weight";
        } else if (name.endsWith("LayerNorm.beta")) {
            name = name.substring(0, name.length() - "beta".length()) + "bias";
        }
        return name;
    }

    private static void checkFinite(Path file, Tensor t) {
        if (!t.isFloat()) {
            return;
        }
        FloatBuffer values = t.floats();
        int n = values.remaining();
        float[] chunk = new float[Math.min(n, 1 << 16)];
        for (int start = 0; start < n; start += chunk.length) {
            int length = Math.min(chunk.length, n - start);
            values.get(start, chunk, 0, length);
            for (int i = 0; i < length; i++) {
                float v = chunk[i];
                if (!Float.isFinite(v)) {
                    int[] shape = t.shape();
                    throw new CheckpointException(file, "tensor '" + t.name() + "' holds " + v + " at "
                            + Arrays.toString(unravel(start + i, shape)) + " (shape " + Arrays.toString(shape)
                            + "); expected finite weights");
                }
            }
        }
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 0) {
                continue;
            }
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** The configuration. */
    public BertConfig config() {
        return config;
    }

    /** All tensors by canonical name. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The tensor with this canonical name, which must exist. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new CheckpointException(directory.resolve(WEIGHTS), "tensor '" + prefixFor(name) + "' is missing");
        }
        return t;
    }

    /** The tensor with this canonical name, if present. */
    public Optional<Tensor> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    /** The name under which a canonical tensor is stored in the weights file. */
    public String prefixFor(String canonical) {
        return !prefix.isEmpty() && (canonical.startsWith("embeddings.") || canonical.startsWith("encoder.")
                || canonical.startsWith("pooler.")) ? prefix + canonical : canonical;
    }

    /** The prefix the weights file uses before the encoder's names. */
    public String prefix() {
        return prefix;
    }

    /**
     * The checkpoint's tokenizer as a HuggingFace {@code tokenizer.json}: its own, else the one HF's
     * BertTokenizerFast would build from its {@code vocab.txt} (a temporary file, see {@link VocabTokenizer}).
     *
     * @throws CheckpointException when a vocab.txt or its settings cannot be read
     */
    public Optional<Path> tokenizer() {
        Path file = directory.resolve(TOKENIZER);
        return Files.isRegularFile(file) ? Optional.of(file) : VocabTokenizer.forDirectory(directory).map(VocabTokenizer.Built::file);
    }

    /** Where {@link #tokenizer()} comes from, for summaries: {@code tokenizer.json}, {@code vocab.txt (built: ...)} or {@code none}. */
    public String tokenizerDescription() {
        if (Files.isRegularFile(directory.resolve(TOKENIZER))) {
            return TOKENIZER;
        }
        return VocabTokenizer.forDirectory(directory).map(VocabTokenizer.Built::description).orElse("none");
    }

    /** Number of parameters: elements of every float tensor (integer buffers are not parameters). */
    public long parameterCount() {
        return tensors.values().stream().filter(Tensor::isFloat).mapToLong(Tensor::numel).sum();
    }
}
