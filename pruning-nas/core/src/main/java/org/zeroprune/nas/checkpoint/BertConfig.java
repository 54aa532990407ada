package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.zeroprune.nas.io.AtomicFiles;

/**
 * The fields of a HuggingFace BERT {@code config.json} that zeroprune uses, validated, plus the
 * whole JSON object so that an export carries the other fields unchanged.
 *
 * <p>Pruned models use HF's {@code pruned_heads} ({@code {"layer": [original head indices]}}),
 * zeroprune's own {@code intermediate_sizes} (one FFN width per layer), and the same widths in
 * transformers' per-layer convention, {@code per_layer_config} ({@code {"layer": {"intermediate_size": n}}}),
 * which transformers reads for the model classes it made heterogeneous, not BERT.
 */
public final class BertConfig {
    /** Key of zeroprune's per-layer FFN widths in {@code config.json}. */
    public static final String INTERMEDIATE_SIZES = "intermediate_sizes";
    /** Key of transformers' per-layer overrides in {@code config.json}. */
    public static final String PER_LAYER_CONFIG = "per_layer_config";
    /** Key of HF's removed heads in {@code config.json}. */
    public static final String PRUNED_HEADS = "pruned_heads";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode raw;
    private final int hiddenSize;
    private final int heads;
    private final int layers;
    private final int intermediateSize;
    private final int vocabSize;
    private final int maxPositions;
    private final int typeVocabSize;
    private final double layerNormEps;
    private final String hiddenAct;
    private final List<Set<Integer>> prunedHeads;
    private final int[] intermediateSizes;

    private BertConfig(Path file, ObjectNode raw) {
        this.raw = raw;
        // other encoders (RoBERTa, XLM-R, DistilBERT...) name and shape their tensors differently; say so
        // here rather than as a missing tensor later
        if (raw.has("model_type") && !ConfigFields.text(file, raw, "model_type").equalsIgnoreCase("bert")) {
            throw new CheckpointException(file, "model_type is '" + raw.get("model_type").asText()
                    + "'; expected 'bert' (zeroprune reads BERT encoders only)");
        }
        EncoderKind.check(file, raw);
        this.hiddenSize = ConfigFields.positiveInt(file, raw, "hidden_size");
        this.heads = ConfigFields.positiveInt(file, raw, "num_attention_heads");
        this.layers = ConfigFields.positiveInt(file, raw, "num_hidden_layers");
        this.intermediateSize = ConfigFields.positiveInt(file, raw, "intermediate_size");
        this.vocabSize = ConfigFields.positiveInt(file, raw, "vocab_size");
        this.maxPositions = raw.has("max_position_embeddings") ? ConfigFields.positiveInt(file, raw, "max_position_embeddings") : 512;
        this.typeVocabSize = raw.has("type_vocab_size") ? ConfigFields.positiveInt(file, raw, "type_vocab_size") : 2;
        this.layerNormEps = raw.has("layer_norm_eps") ? ConfigFields.positiveNumber(file, raw, "layer_norm_eps") : 1e-12;
        this.hiddenAct = raw.has("hidden_act") ? ConfigFields.text(file, raw, "hidden_act") : "gelu";
        if (hiddenSize % heads != 0) {
            throw new CheckpointException(file, "hidden_size " + hiddenSize + " is not divisible by num_attention_heads "
                    + heads + "; expected hidden_size = heads x head size");
        }
        if (!List.of("gelu", "gelu_new", "gelu_pytorch_tanh", "gelu_fast", "relu").contains(hiddenAct)) {
            throw new CheckpointException(file, "hidden_act '" + hiddenAct
                    + "' is not supported; expected gelu, gelu_new, gelu_pytorch_tanh, gelu_fast or relu");
        }
        this.prunedHeads = PrunedLayers.prunedHeads(file, raw.get(PRUNED_HEADS), layers, heads);
        this.intermediateSizes = PerLayerConfig.widths(file, raw.get(PER_LAYER_CONFIG),
                PrunedLayers.intermediateSizes(file, raw.get(INTERMEDIATE_SIZES), layers, intermediateSize),
                raw.has(INTERMEDIATE_SIZES), intermediateSize);
    }

    /**
     * Reads and validates {@code config.json}.
     *
     * @throws CheckpointException naming the file and the key when a field is missing or wrong
     */
    public static BertConfig read(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            if (!file.toFile().exists() || e instanceof NoSuchFileException) {
                throw new CheckpointException(file, "file not found; a checkpoint directory needs config.json");
            }
            if (!(e instanceof JsonProcessingException)) {
                // a folder in its place, or no permission: the file is not wrong, it cannot be read
                throw new CheckpointException(file, "cannot be read (" + (Files.isDirectory(file) ? "it is a directory"
                        : AtomicFiles.reason(e)) + "); expected the checkpoint's config.json");
            }
            throw new CheckpointException(file, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || node.isMissingNode()) {
            throw new CheckpointException(file, "the file is empty; expected the checkpoint's config.json (a JSON object)");
        }
        if (!node.isObject()) {
            throw new CheckpointException(file, "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        return new BertConfig(file, (ObjectNode) node);
    }

    /** Parses a config from a JSON object (for configs built in code); {@code where} names it in messages. */
    public static BertConfig of(ObjectNode json, Path where) {
        return new BertConfig(where, json.deepCopy());
    }

    /** Width of the residual stream. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** Heads per layer in the unpruned model ({@code num_attention_heads}). */
    public int attentionHeads() {
        return heads;
    }

    /** {@code hidden_size / num_attention_heads}. */
    public int headSize() {
        return hiddenSize / heads;
    }

    /** Number of encoder layers. */
    public int layers() {
        return layers;
    }

    /** FFN width of the unpruned model ({@code intermediate_size}). */
    public int intermediateSize() {
        return intermediateSize;
    }

    /** Vocabulary size. */
    public int vocabSize() {
        return vocabSize;
    }

    /** Number of position embeddings. */
    public int maxPositions() {
        return maxPositions;
    }

    /** Number of token types. */
    public int typeVocabSize() {
        return typeVocabSize;
    }

    /** Epsilon of every LayerNorm. */
    public double layerNormEps() {
        return layerNormEps;
    }

    /** The FFN activation's HF name. */
    public String hiddenAct() {
        return hiddenAct;
    }

    /** Original indices of the heads already removed from layer {@code layer}. */
    public Set<Integer> prunedHeads(int layer) {
        return prunedHeads.get(layer);
    }

    /** Original indices of the heads still present in {@code layer}, increasing. */
    public int[] presentHeads(int layer) {
        Set<Integer> pruned = prunedHeads.get(layer);
        return java.util.stream.IntStream.range(0, heads).filter(h -> !pruned.contains(h)).toArray();
    }

    /** Heads present in layer {@code layer}. */
    public int headsInLayer(int layer) {
        return heads - prunedHeads.get(layer).size();
    }

    /** FFN width of layer {@code layer}. */
    public int ffnWidth(int layer) {
        return intermediateSizes[layer];
    }

    /** A copy of the whole JSON object. */
    public ObjectNode json() {
        return raw.deepCopy();
    }

    /**
     * The configuration of a pruned model: {@code pruned_heads} gains the removed heads (original
     * indices), {@code intermediate_sizes} records each layer's FFN width, and {@code per_layer_config}
     * the same widths in transformers' convention.
     *
     * @param removedHeads per layer, original indices of heads removed now
     * @param widths per layer, the FFN width kept
     */
    public ObjectNode prunedJson(List<Set<Integer>> removedHeads, int[] widths) {
        ObjectNode json = json();
        ObjectNode pruned = JSON.createObjectNode();
        for (int layer = 0; layer < layers; layer++) {
            TreeSet<Integer> all = new TreeSet<>(prunedHeads.get(layer));
            all.addAll(removedHeads.get(layer));
            if (!all.isEmpty()) {
                ArrayNode list = pruned.putArray(Integer.toString(layer));
                all.forEach(list::add);
            }
        }
        json.set(PRUNED_HEADS, pruned);
        ArrayNode sizes = json.putArray(INTERMEDIATE_SIZES);
        for (int w : widths) {
            sizes.add(w);
        }
        json.set(PER_LAYER_CONFIG, PerLayerConfig.widths(widths));
        return json;
    }

    /**
     * This configuration with every layer at the dense shapes ({@code num_attention_heads},
     * {@code intermediate_size}): without {@code pruned_heads}, {@code intermediate_sizes} and
     * {@code per_layer_config}, as a plain HF {@code BertConfig} describes a model.
     */
    public ObjectNode uniformJson() {
        ObjectNode json = json();
        json.remove(List.of(PRUNED_HEADS, INTERMEDIATE_SIZES, PER_LAYER_CONFIG));
        return json;
    }
}
