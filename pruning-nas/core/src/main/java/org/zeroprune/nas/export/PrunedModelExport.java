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
 * holds the same weights as the checkpoint, then, beside {@code model.onnx}, the files that make the
 * folder a sentence-transformers model ({@link SentenceTransformersExport}).
 */
public final class PrunedModelExport {
    private PrunedModelExport() {
    }

    /**
     * What was written.
     *
     * @param checkpoint the pruned checkpoint, in memory
     * @param onnx {@code model.onnx}, if written
     * @param int8 {@code model_qint8.onnx}, if written
     */
    public record Written(BertCheckpoint checkpoint, Optional<Path> onnx, Optional<Path> int8) {
    }

    /**
     * Writes into {@code directory}, which must exist and be empty (the caller makes the output appear atomically).
     *
     * @param masks the candidate's masks and ranking row, stored as {@code masks.json}
     */
    public static Written write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks,
            ExportFormat format) throws IOException {
        return write(source, mask, directory, masks, format, Quantization.NONE, UnaryOperator.identity());
    }

    /**
     * As above, with the cut candidate reconstructed by {@code reconstruct} before any file is written, and
     * {@code model_qint8.onnx} beside {@code model.onnx} when {@code quantization} asks for it.
     */
    public static Written write(BertCheckpoint source, PruningMask mask, Path directory, ObjectNode masks,
            ExportFormat format, Quantization quantization, UnaryOperator<BertCheckpoint> reconstruct) throws IOException {
        if (quantization.int8() && !format.onnx()) {
            throw new IllegalArgumentException("int8 quantization writes model_qint8.onnx beside model.onnx; format "
                    + format.key() + " writes no model.onnx");
        }
        BertCheckpoint pruned = PrunedCheckpointWriter.write(source, mask, directory, masks, format, reconstruct);
        Optional<Path> onnx = format.onnx() ? Optional.of(OnnxExport.write(pruned, directory)) : Optional.empty();
        Optional<Path> int8 = quantization.int8()
                ? Optional.of(OnnxExport.writeInt8(pruned, directory, quantization.reduceRange())) : Optional.empty();
        if (format.sentenceTransformers()) {
            SentenceTransformersExport.write(source, pruned, directory, onnx.get(), int8);
        }
        return new Written(pruned, onnx, int8);
    }
}
