package org.zeroprune.nas.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Writes a candidate in the formats asked for: the pruned checkpoint directory, then
 * {@code model.onnx} built from the checkpoint that writing returned, so that the ONNX file always
 * holds the same weights as the checkpoint.
 */
public final class PrunedModelExport {
    private PrunedModelExport() {
    }

    /**
     * What was written.
     *
     * @param checkpoint the pruned checkpoint, in memory
     * @param onnx {@code model.onnx}, if written
     */
    public record Written(BertCheckpoint checkpoint, Optional<Path> onnx) {
    }

    /**
     * Writes into {@code directory}, which must exist and be empty (the caller makes the output appear atomically).
     *
     * @param masks the candidate's masks and ranking row, stored as {@code masks.json}
     */
    public static Written write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks,
            ExportFormat format) throws IOException {
        return write(source, mask, directory, masks, format, UnaryOperator.identity());
    }

    /** As above, with the cut candidate reconstructed by {@code reconstruct} before either file is written. */
    public static Written write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks,
            ExportFormat format, UnaryOperator<BertCheckpoint> reconstruct) throws IOException {
        BertCheckpoint pruned = PrunedCheckpointWriter.write(source, mask, directory, masks, format.safetensors(),
                reconstruct);
        return new Written(pruned, format.onnx() ? Optional.of(OnnxExport.write(pruned, directory)) : Optional.empty());
    }
}
