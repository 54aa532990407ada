package org.zeroprune.nas.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.SafetensorsWriter;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Writes a candidate as a physically smaller checkpoint directory: {@code model.safetensors} with
 * the pruned matrices (same key layout and dtypes as the source), {@code config.json} with
 * {@code pruned_heads}, {@code intermediate_sizes} and {@code per_layer_config}, the tokenizer, and
 * {@code masks.json}; or, zero-padded ({@link ExportFormat#HF_PADDED}), the same model at the dense
 * model's uniform shapes ({@link ZeroPaddedCheckpoint}).
 */
public final class PrunedCheckpointWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrunedCheckpointWriter() {
    }

    /**
     * Writes into {@code directory}, which must exist and be empty (the caller makes the whole
     * output appear atomically).
     *
     * @param masks the candidate's masks and ranking row, stored as {@code masks.json}
     * @return the pruned checkpoint, in memory
     */
    public static BertCheckpoint write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks)
            throws IOException {
        return write(source, mask, directory, masks, true, UnaryOperator.identity());
    }

    /**
     * Writes into {@code directory} the cut candidate as {@code reconstruct} returns it (a checkpoint
     * of the same shapes whose weights may differ, see {@code reconstruct.Reconstructor}), leaving out
     * {@code model.safetensors} unless {@code weights} (an ONNX-only export still gets the
     * configuration, tokenizer and masks).
     */
    public static BertCheckpoint write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks,
            boolean weights, UnaryOperator<BertCheckpoint> reconstruct) throws IOException {
        return write(source, mask, directory, masks, weights ? ExportFormat.SAFETENSORS : ExportFormat.ONNX, reconstruct);
    }

    /**
     * As above, writing {@code model.safetensors} as {@code format} asks: compact, zero-padded, or not at all.
     *
     * @return the pruned checkpoint, in memory, compact whatever the files' form
     */
    public static BertCheckpoint write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks,
            ExportFormat format, UnaryOperator<BertCheckpoint> reconstruct) throws IOException {
        BertCheckpoint pruned = reconstruct.apply(CheckpointPruner.prune(source, mask, directory));
        BertCheckpoint stored = format.padded() ? ZeroPaddedCheckpoint.of(pruned) : pruned;
        if (format.safetensors()) {
            List<Tensor> tensors = stored.tensors().values().stream().map(t -> t.renamed(stored.prefixFor(t.name()))).toList();
            SafetensorsWriter.write(directory.resolve(BertCheckpoint.WEIGHTS), tensors, metadata(format));
        }
        Files.writeString(directory.resolve(BertCheckpoint.CONFIG), JSON.writeValueAsString(stored.config().json()) + "\n");
        if (source.tokenizer().isPresent()) {
            Files.copy(source.tokenizer().get(), directory.resolve(BertCheckpoint.TOKENIZER));
        }
        Files.writeString(directory.resolve("masks.json"), JSON.writeValueAsString(masks) + "\n");
        return pruned;
    }

    // ordered, so that the same model gives the same bytes in every run
    private static Map<String, String> metadata(ExportFormat format) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("pruned_by", "zeroprune");
        if (format.padded()) {
            m.put("zero_padded", "removed heads and neurons are zero rows and columns at the dense shapes");
        }
        return m;
    }
}
