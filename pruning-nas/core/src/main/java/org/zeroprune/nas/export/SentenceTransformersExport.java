package org.zeroprune.nas.export;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.SentenceTransformersLayout;
import org.zeroprune.nas.export.onnx.OnnxExport;

/**
 * Makes an exported model folder one that sentence-transformers opens with
 * {@code SentenceTransformer(folder, backend="onnx")}: the source model's sentence-transformers modules
 * (or mean pooling when it has none, see {@link SentenceTransformersLayout}) beside {@code config.json},
 * and the ONNX files where its ONNX backend looks: {@code onnx/model.onnx}, and the int8 model as
 * {@code onnx/model_qint8_quantized.onnx}, the name sentence-transformers gives a dynamic int8 export of
 * int8 weights made with its own configuration rather than one of its per-CPU presets. Each is a hard
 * link to the file beside {@code config.json} (which existing clients read), or a copy where the file
 * system has no hard links.
 */
public final class SentenceTransformersExport {
    /** The folder in which sentence-transformers' ONNX backend looks for its model files. */
    public static final String ONNX_DIR = "onnx";
    /** The int8 model's name inside {@link #ONNX_DIR}. */
    public static final String INT8_FILE = "model_qint8_quantized.onnx";

    private SentenceTransformersExport() {
    }

    /**
     * Writes the layout into {@code directory}, which already holds {@code model.onnx} (and
     * {@code model_qint8.onnx} when {@code int8} is present) and the pruned checkpoint's {@code config.json}.
     *
     * @param source the dense model the export was cut from: its layout is kept when it has one
     * @param pruned the pruned model, for its hidden size and positions when the source has no layout
     */
    public static void write(BertCheckpoint source, BertCheckpoint pruned, Path directory, Path onnx, Optional<Path> int8)
            throws IOException {
        SentenceTransformersLayout layout = SentenceTransformersLayout.read(source.directory()).orElseGet(() ->
                SentenceTransformersLayout.meanPooling(pruned.config().hiddenSize(), pruned.config().maxPositions(), false));
        layout.write(directory);
        Path onnxDir = Files.createDirectories(directory.resolve(ONNX_DIR));
        linkModel(onnxDir.resolve(OnnxExport.FILE), onnx);
        if (int8.isPresent()) {
            linkModel(onnxDir.resolve(INT8_FILE), int8.get());
        }
    }

    /** Links a model file and, for a large model, its weights file, which the model names relative to itself. */
    private static void linkModel(Path link, Path model) throws IOException {
        link(link, model);
        Path data = model.resolveSibling(model.getFileName() + ".data");
        if (Files.exists(data)) {
            link(link.resolveSibling(data.getFileName()), data);
        }
    }

    private static void link(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(existing, link);
        }
    }
}
