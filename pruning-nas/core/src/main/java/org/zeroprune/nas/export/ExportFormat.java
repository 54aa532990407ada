package org.zeroprune.nas.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which files an export writes for the pruned model's weights: {@code output.format} and {@code --format}. */
public enum ExportFormat {
    /** {@code model.safetensors} and {@code model.onnx} (the default). */
    BOTH,
    /** {@code model.safetensors} only: the checkpoint zeroprune reads. */
    SAFETENSORS,
    /** {@code model.onnx} only: for ONNX Runtime and every client that reads ONNX. */
    ONNX,
    /**
     * {@code model.safetensors} zero-padded back to the dense model's uniform shapes, which a plain
     * transformers {@code BertModel} loads, and the compact {@code model.onnx} beside it.
     */
    HF_PADDED;

    /** The names accepted in configuration. */
    public static final String NAMES = Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", "));

    /**
     * The format called {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static ExportFormat named(String name) {
        for (ExportFormat f : values()) {
            if (f.key().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("export format '" + name + "'; expected one of " + NAMES);
    }

    /** The name in configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether {@code model.safetensors} is written. */
    public boolean safetensors() {
        return this != ONNX;
    }

    /** Whether {@code model.onnx} is written. */
    public boolean onnx() {
        return this != SAFETENSORS;
    }

    /** Whether {@code model.safetensors} and {@code config.json} take the dense model's uniform shapes, zero-padded. */
    public boolean padded() {
        return this == HF_PADDED;
    }

    /**
     * Whether the sentence-transformers files are written: with {@code model.onnx}, through which
     * sentence-transformers' ONNX backend runs every one of these formats (a compact safetensors
     * checkpoint alone is one transformers cannot load).
     */
    public boolean sentenceTransformers() {
        return onnx();
    }
}
