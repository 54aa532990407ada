package org.zeroprune.nas.benchmark.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.checkpoint.SafetensorsWriter;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.io.AtomicFiles;

/**
 * Writes a BERT checkpoint of a given shape with random weights, N(0, 0.02^2) as HF initialises
 * them (LayerNorm scale 1, biases 0): a stand-in for a real model of that size when only speed
 * and memory are measured. A tokenizer is copied beside the weights and the vocabulary sized to it,
 * so that strategies and reconstruction that tokenise text (the defaults of {@code prune}) run on
 * the checkpoint as on a real one.
 */
public final class RandomBertWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RandomBertWriter() {
    }

    /**
     * Writes the checkpoint into {@code directory} (atomically), with a copy of {@code tokenizer} (a
     * HuggingFace {@code tokenizer.json}); the word embeddings get one row per token of it.
     *
     * @param dtype F32, F16 or BF16
     */
    public static void write(Path directory, int layers, int hidden, int heads, int intermediate, Path tokenizer,
            DType dtype, long seed) throws IOException {
        int vocab = vocabularySize(tokenizer);
        ObjectNode config = JSON.createObjectNode();
        config.put("model_type", "bert");
        config.put("hidden_size", hidden);
        config.put("num_attention_heads", heads);
        config.put("num_hidden_layers", layers);
        config.put("intermediate_size", intermediate);
        config.put("vocab_size", vocab);
        config.put("max_position_embeddings", 512);
        config.put("type_vocab_size", 2);
        config.put("layer_norm_eps", 1e-12);
        config.put("hidden_act", "gelu");
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> tensors = new ArrayList<>();
        add(tensors, random, dtype, BertNames.WORD_EMBEDDINGS, vocab, hidden);
        add(tensors, random, dtype, BertNames.POSITION_EMBEDDINGS, 512, hidden);
        add(tensors, random, dtype, BertNames.TOKEN_TYPE_EMBEDDINGS, 2, hidden);
        constant(tensors, dtype, BertNames.EMBEDDINGS_NORM_WEIGHT, 1f, hidden);
        constant(tensors, dtype, BertNames.EMBEDDINGS_NORM_BIAS, 0f, hidden);
        for (int l = 0; l < layers; l++) {
            for (String name : List.of(BertNames.query(l, "weight"), BertNames.key(l, "weight"), BertNames.value(l, "weight"),
                    BertNames.attentionOutput(l, "weight"))) {
                add(tensors, random, dtype, name, hidden, hidden);
            }
            for (String name : List.of(BertNames.query(l, "bias"), BertNames.key(l, "bias"), BertNames.value(l, "bias"),
                    BertNames.attentionOutput(l, "bias"), BertNames.attentionNorm(l, "bias"), BertNames.output(l, "bias"),
                    BertNames.outputNorm(l, "bias"))) {
                constant(tensors, dtype, name, 0f, hidden);
            }
            constant(tensors, dtype, BertNames.attentionNorm(l, "weight"), 1f, hidden);
            constant(tensors, dtype, BertNames.outputNorm(l, "weight"), 1f, hidden);
            add(tensors, random, dtype, BertNames.intermediate(l, "weight"), intermediate, hidden);
            constant(tensors, dtype, BertNames.intermediate(l, "bias"), 0f, intermediate);
            add(tensors, random, dtype, BertNames.output(l, "weight"), hidden, intermediate);
        }
        add(tensors, random, dtype, "pooler.dense.weight", hidden, hidden);
        constant(tensors, dtype, "pooler.dense.bias", 0f, hidden);
        AtomicFiles.writeDirectory(directory, dir -> {
            SafetensorsWriter.write(dir.resolve(BertCheckpoint.WEIGHTS), tensors, Map.of("format", "pt"));
            Files.writeString(dir.resolve(BertCheckpoint.CONFIG), config.toPrettyString());
            Files.copy(tokenizer, dir.resolve(BertCheckpoint.TOKENIZER));
        });
    }

    /** The number of token ids of a {@code tokenizer.json}: one past the largest id of its vocabulary and added tokens. */
    static int vocabularySize(Path tokenizer) throws IOException {
        JsonNode root = JSON.readTree(tokenizer.toFile());
        int size = 0;
        for (JsonNode id : (Iterable<JsonNode>) () -> root.path("model").path("vocab").elements()) {
            size = Math.max(size, id.asInt() + 1);
        }
        for (JsonNode added : root.path("added_tokens")) {
            size = Math.max(size, added.path("id").asInt() + 1);
        }
        if (size == 0) {
            throw new IOException(tokenizer + " has no vocabulary (model.vocab)");
        }
        return size;
    }

    private static void add(List<Tensor> out, SplittableRandom random, DType dtype, String name, int rows, int cols) {
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.02 * random.nextGaussian());
        }
        out.add(Tensor.ofFloats(name, dtype, new int[] {rows, cols}, FloatBuffer.wrap(values)));
    }

    private static void constant(List<Tensor> out, DType dtype, String name, float value, int length) {
        float[] values = new float[length];
        java.util.Arrays.fill(values, value);
        out.add(Tensor.ofFloats(name, dtype, new int[] {length}, FloatBuffer.wrap(values)));
    }

    /**
     * Whether {@code directory} already holds a checkpoint written before, with its tokenizer (one
     * written before tokenizers were copied is written again).
     */
    public static boolean exists(Path directory) throws IOException {
        return Files.isRegularFile(directory.resolve(BertCheckpoint.WEIGHTS))
                && Files.isRegularFile(directory.resolve(BertCheckpoint.CONFIG))
                && Files.isRegularFile(directory.resolve(BertCheckpoint.TOKENIZER));
    }
}
