package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.SentenceTransformersLayout;

/** The pooling warning appears for an ONNX export from a folder without a sentence-transformers layout, and only then. */
class AssumedPoolingWarningTest {

    @Test
    void warnsOnlyWhenTheSourceHasNoLayoutAndAnOnnxModelWasWritten(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("plain-bert"));
        Optional<Path> onnx = Optional.of(dir.resolve("out/model/model.onnx"));
        String warning = AssumedPoolingWarning.of(source, onnx).orElseThrow();
        assertTrue(warning.contains(source + " has no modules.json") && warning.contains("mean pooling"), warning);
        assertTrue(AssumedPoolingWarning.of(source, Optional.empty()).isEmpty(), "no ONNX model, no layout written");

        SentenceTransformersLayout.meanPooling(32, 64, true).write(source);
        assertTrue(AssumedPoolingWarning.of(source, onnx).isEmpty(), "the source's own layout is kept, nothing assumed");
    }
}
