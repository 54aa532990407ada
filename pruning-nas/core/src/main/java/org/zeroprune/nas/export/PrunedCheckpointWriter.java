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
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Writes a candidate as a physically smaller checkpoint directory: {@code model.safetensors} with
 * the pruned matrices (same key layout and dtypes as the source), {@code config.json} with
 * {@code pruned_heads} and {@code intermediate_sizes}, the tokenizer, and {@code masks.json}.
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
        BertCheckpoint pruned = reconstruct.apply(CheckpointPruner.prune(source, mask, directory));
        if (weights) {
            List<Tensor> stored = pruned.tensors().values().stream().map(t -> t.renamed(pruned.prefixFor(t.name()))).toList();
            SafetensorsWriter.write(directory.resolve(BertCheckpoint.WEIGHTS), stored, metadata());
        }
        Files.writeString(directory.resolve(BertCheckpoint.CONFIG), JSON.writeValueAsString(pruned.config().json()) + "\n");
        if (source.tokenizer().isPresent()) {
            Files.copy(source.tokenizer().get(), directory.resolve(BertCheckpoint.TOKENIZER));
        }
        Files.writeString(directory.resolve("masks.json"), JSON.writeValueAsString(masks) + "\n");
        return pruned;
    }

    // ordered, so that the same model gives the same bytes in every run
    private static Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("pruned_by", "zeroprune");
        return m;
    }
}
