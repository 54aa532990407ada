package org.zeroprune.nas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small random BERT that the forward pass can run on text: {@link TinyBert}'s shapes with the
 * embedded model's vocabulary and its {@code tokenizer.json} (read from the class path) beside it.
 */
public final class TokenizedTinyBert {
    /** The embedded model's vocabulary size, which the tokenizer's ids index. */
    public static final int VOCAB = 30522;

    private TokenizedTinyBert() {
    }

    /** Writes the checkpoint with {@code positions} position embeddings, weights drawn from {@code seed}. */
    public static Path write(Path dir, int positions, long seed) throws IOException {
        return write(dir, positions, seed, java.util.Map.of());
    }

    /** As {@link #write(Path, int, long)}, with the tensors whose name starts with a key multiplied by its factor. */
    public static Path write(Path dir, int positions, long seed, java.util.Map<String, Float> scale) throws IOException {
        TinyBert bert = new TinyBert();
        bert.vocab = VOCAB;
        bert.positions = positions;
        bert.seed = seed;
        bert.scale.putAll(scale);
        bert.write(dir);
        writeTokenizer(dir.resolve("tokenizer.json"));
        return dir;
    }

    /** Copies the embedded model's tokenizer to {@code file}. */
    public static Path writeTokenizer(Path file) throws IOException {
        try (InputStream in = TokenizedTinyBert.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            if (in == null) {
                throw new IllegalStateException("the embedded tokenizer is not on the test class path");
            }
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
