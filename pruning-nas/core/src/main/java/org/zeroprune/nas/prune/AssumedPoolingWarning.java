package org.zeroprune.nas.prune;

import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.SentenceTransformersLayout;

/**
 * A warning for an ONNX export whose source had no sentence-transformers layout: the exported one
 * then says mean pooling without normalisation, which is what sentence-transformers assumes for a
 * plain folder but not what every model was trained with (bge models pool the {@code [CLS]} token).
 */
final class AssumedPoolingWarning {
    private AssumedPoolingWarning() {
    }

    /**
     * The warning, if an ONNX model was exported from a source directory without {@code modules.json}.
     *
     * @param source the dense model's directory
     * @param exportedOnnx the exported {@code model.onnx}, if one was written
     */
    static Optional<String> of(Path source, Optional<Path> exportedOnnx) {
        if (exportedOnnx.isEmpty() || SentenceTransformersLayout.read(source).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(source + " has no " + SentenceTransformersLayout.MODULES + ", so the exported one assumes mean"
                + " pooling without normalisation; if your model pools or normalises otherwise (bge models pool [CLS]),"
                + " copy its own modules.json, 1_Pooling/ and 2_Normalize/ over the exported ones");
    }
}
