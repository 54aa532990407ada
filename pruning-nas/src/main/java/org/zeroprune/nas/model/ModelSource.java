package org.zeroprune.nas.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.OptionalInt;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.CheckpointException;
import org.zeroprune.nas.onnx.EmbeddedModel;
import org.zeroprune.nas.onnx.OnnxBertImporter;

/**
 * Resolves what a user names as a model: {@code embedded} (the default all-MiniLM-L6-v2), a
 * HuggingFace checkpoint directory, a BERT {@code .onnx} export (imported once into the cache,
 * with a {@code tokenizer.json} beside it if there is one), or a {@code djl://} model of DJL's zoo.
 */
public final class ModelSource {
    /** The name of the embedded default model in configuration. */
    public static final String EMBEDDED = "embedded";

    private ModelSource() {
    }

    /**
     * Loads the model.
     *
     * @throws ZeroPruneException naming the path and what was expected
     */
    public static LoadedModel load(String spec) {
        if (spec.equals(EMBEDDED) || spec.equals(EmbeddedModel.NAME)) {
            Path dir = EmbeddedModel.checkpointDirectory();
            return LoadedModel.of(BertCheckpoint.read(dir), "embedded " + EmbeddedModel.NAME + " (" + dir + ")");
        }
        if (spec.startsWith(DjlZoo.SCHEME)) {
            return LoadedModel.of(DjlZoo.resolve(spec), "DJL zoo " + spec);
        }
        Path path = Paths.get(spec);
        if (spec.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            return LoadedModel.of(importOnnx(path), "ONNX " + path.toAbsolutePath());
        }
        if (!Files.exists(path)) {
            throw new CheckpointException(path, "not found; expected 'embedded', a checkpoint directory"
                    + " (config.json + model.safetensors) or an .onnx file");
        }
        return LoadedModel.of(BertCheckpoint.read(path), "checkpoint " + path.toAbsolutePath());
    }

    /**
     * The model specification as {@link #load} reads it from any working directory: local paths
     * made absolute, {@code embedded} and {@code djl://} URLs unchanged.
     */
    public static String portableSpec(String spec) {
        if (spec.equals(EMBEDDED) || spec.equals(EmbeddedModel.NAME) || spec.startsWith(DjlZoo.SCHEME)) {
            return spec;
        }
        return Paths.get(spec).toAbsolutePath().normalize().toString();
    }

    /** Imports an ONNX file into the cache (once per file version) and reads it. */
    static BertCheckpoint importOnnx(Path onnx) {
        if (!Files.isRegularFile(onnx)) {
            throw new CheckpointException(onnx, "not found; expected a BERT encoder exported to ONNX");
        }
        try {
            String name = onnx.getFileName().toString().replaceAll("\\.onnx$", "");
            String version = Long.toHexString(Files.size(onnx)) + "-"
                    + Long.toHexString(Files.getLastModifiedTime(onnx).toMillis()) + "-"
                    + Integer.toHexString(onnx.toAbsolutePath().toString().hashCode());
            Path dir = EmbeddedModel.cacheRoot().resolve("imported").resolve(name + "-" + version);
            if (Files.isRegularFile(dir.resolve(BertCheckpoint.WEIGHTS))) {
                return BertCheckpoint.read(dir);
            }
            Path tokenizer = onnx.toAbsolutePath().resolveSibling("tokenizer.json");
            return OnnxBertImporter.importFile(onnx, Files.isRegularFile(tokenizer) ? Optional.of(tokenizer) : Optional.empty(),
                    OptionalInt.empty(), dir);
        } catch (IOException e) {
            throw new CheckpointException(onnx, "cannot read: " + e.getMessage(), e);
        }
    }
}
