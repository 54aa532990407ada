package org.zeroprune.nas.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.OptionalInt;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.CheckpointException;
import org.zeroprune.nas.io.ContentHash;
import org.zeroprune.nas.importer.EmbeddedModel;
import org.zeroprune.nas.importer.OnnxBertImporter;

/**
 * Resolves what a user names as a model: {@code embedded} (the default all-MiniLM-L6-v2), a
 * HuggingFace checkpoint directory, a BERT {@code .onnx} export (imported once into the cache,
 * with a {@code tokenizer.json} beside it if there is one), or a {@code djl://} model of DJL's zoo.
 */
public final class ModelSource {
    /** The name of the embedded default model in configuration. */
    public static final String EMBEDDED = "embedded";
    /** Bump when the import changes, so that imports made by older code are not reused. */
    private static final String IMPORT_VERSION = "v2";

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
            return LoadedModel.of(CachedCheckpoint.read(dir), "embedded " + EmbeddedModel.NAME + " (" + dir + ")");
        }
        if (spec.startsWith(DjlZoo.SCHEME)) {
            return LoadedModel.of(DjlZoo.resolve(spec), "DJL zoo " + spec);
        }
        Path path = Paths.get(spec);
        if (spec.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            // the tokenizer is named where the user puts it, not in the cache the import copies it to
            return LoadedModel.of(importOnnx(path), "ONNX " + path.toAbsolutePath(), siblingTokenizer(path));
        }
        if (!Files.exists(path)) {
            throw new CheckpointException(path, "not found; expected 'embedded', a checkpoint directory"
                    + " (config.json + model.safetensors) or an .onnx file");
        }
        return LoadedModel.of(CachedCheckpoint.read(path), "checkpoint " + path.toAbsolutePath());
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

    /**
     * Imports an ONNX file into the cache and reads it. The cache entry is named by the content of
     * everything the import reads: the .onnx file, and the {@code tokenizer.json} (copied in) and
     * {@code config.json} (heads) beside it, present or not. A changed model, or a tokenizer added
     * after the first import, therefore makes a new entry instead of reusing a stale one.
     */
    static BertCheckpoint importOnnx(Path onnx) {
        if (Files.isDirectory(onnx)) {
            throw new CheckpointException(onnx, "is a directory; expected a file: a BERT encoder exported to ONNX");
        }
        if (!Files.isRegularFile(onnx)) {
            throw new CheckpointException(onnx, "not found; expected a BERT encoder exported to ONNX");
        }
        Path tokenizer = siblingTokenizer(onnx);
        Path config = onnx.toAbsolutePath().resolveSibling(BertCheckpoint.CONFIG);
        String key = new ContentHash().text(IMPORT_VERSION).fileIfPresent(onnx).fileIfPresent(tokenizer)
                .fileIfPresent(config).hex();
        String name = onnx.getFileName().toString().replaceAll("(?i)\\.onnx$", "");
        Path dir = EmbeddedModel.cacheRoot().resolve("imported").resolve(name + "-" + key.substring(0, 20));
        if (Files.isRegularFile(dir.resolve(BertCheckpoint.WEIGHTS)) && Files.isRegularFile(dir.resolve(BertCheckpoint.CONFIG))) {
            return CachedCheckpoint.read(dir);
        }
        return OnnxBertImporter.importFile(onnx, Files.isRegularFile(tokenizer) ? Optional.of(tokenizer) : Optional.empty(),
                OptionalInt.empty(), dir);
    }

    /** Where the tokenizer of {@code onnx} is looked for: {@code tokenizer.json} beside it. */
    static Path siblingTokenizer(Path onnx) {
        return onnx.toAbsolutePath().resolveSibling(BertCheckpoint.TOKENIZER);
    }
}
