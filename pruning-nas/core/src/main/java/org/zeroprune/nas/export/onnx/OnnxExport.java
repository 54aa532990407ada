package org.zeroprune.nas.export.onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;

/**
 * Writes a BERT checkpoint (typically the physically pruned one that the export just wrote, with
 * whatever weights were folded into it) as {@code model.onnx}: standard operators of opset 17, the
 * interface of an HF optimum BERT export ({@code input_ids}, {@code attention_mask},
 * {@code token_type_ids} → {@code last_hidden_state}), each layer with the heads and FFN width its
 * configuration gives, including none. The graph computes what zeroprune's forward pass computes
 * (post-LayerNorm BERT, the configuration's activation and epsilon). Weights are initializers
 * inside the file, or in {@code model.onnx.data} when they pass 2 GiB together.
 */
public final class OnnxExport {
    /** The model file's name inside a checkpoint directory. */
    public static final String FILE = "model.onnx";
    /** The int8 model file's name beside {@link #FILE}; {@code onnx/} holds it under sentence-transformers' name. */
    public static final String INT8_FILE = "model_qint8.onnx";
    /** Weights at most this large together stay inside the file: protobuf messages end at 2 GiB; the graph needs a little. */
    static final long INLINE_LIMIT = (2L << 30) - (64L << 20);

    private OnnxExport() {
    }

    /**
     * Writes {@code directory/model.onnx} (and {@code model.onnx.data} for large models) from
     * {@code checkpoint} alone; each file appears complete or not at all.
     *
     * @return the model file
     * @throws org.zeroprune.nas.checkpoint.CheckpointException naming the tensor when a weight is missing
     *     or its shape disagrees with the configuration
     */
    public static Path write(BertCheckpoint checkpoint, Path directory) {
        return write(checkpoint, directory, INLINE_LIMIT);
    }

    /** As {@link #write(BertCheckpoint, Path)}, with the weights external once they pass {@code inlineLimit} bytes. */
    static Path write(BertCheckpoint checkpoint, Path directory, long inlineLimit) {
        return ModelFile.write(BertGraph.of(checkpoint, WeightProduct.FLOAT), directory, FILE, inlineLimit,
                metadata(checkpoint.config()));
    }

    /**
     * Writes {@code directory/model_qint8.onnx}: the same graph as {@code model.onnx} with every weight
     * product of the encoder (Q, K, V, attention output, both FFN projections) in ONNX Runtime's dynamic
     * int8 form (see {@link DynamicInt8Product}); embeddings, biases, LayerNorms and the
     * activation-by-activation products of attention stay float.
     *
     * @param reduceRange 7-bit weights (±63) for CPUs without VNNI, whose 8-bit products can saturate
     * @return the model file
     */
    public static Path writeInt8(BertCheckpoint checkpoint, Path directory, boolean reduceRange) {
        Map<String, String> metadata = metadata(checkpoint.config());
        metadata.put("zeroprune.quantization", "dynamic int8: uint8 activations quantized per batch, int8 weights"
                + " symmetric per output channel (" + (reduceRange ? "+-63, reduce_range" : "+-127") + ")");
        return ModelFile.write(BertGraph.of(checkpoint, new DynamicInt8Product(reduceRange)), directory, INT8_FILE,
                INLINE_LIMIT, metadata);
    }

    /** Per-layer shapes for readers that want them without walking the graph. */
    private static Map<String, String> metadata(BertConfig config) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("zeroprune.heads_per_layer", Arrays.toString(IntStream.range(0, config.layers())
                .map(config::headsInLayer).toArray()));
        metadata.put("zeroprune.intermediate_sizes", Arrays.toString(IntStream.range(0, config.layers())
                .map(config::ffnWidth).toArray()));
        metadata.put("zeroprune.head_size", Integer.toString(config.headSize()));
        metadata.put("zeroprune.hidden_act", config.hiddenAct());
        return metadata;
    }
}
