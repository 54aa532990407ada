package org.zeroprune.nas.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.importer.EmbeddedModel;

/** The embedded model, imported and loaded once per test JVM and shared by the tests. */
public final class EmbeddedEncoder {
    private static BertCheckpoint checkpoint;
    private static BertEncoder encoder;
    private static BertTokenizer tokenizer;

    private EmbeddedEncoder() {
    }

    /** The imported checkpoint of all-MiniLM-L6-v2. */
    public static synchronized BertCheckpoint checkpoint() {
        if (checkpoint == null) {
            checkpoint = BertCheckpoint.read(EmbeddedModel.checkpointDirectory());
        }
        return checkpoint;
    }

    /** The checkpoint loaded on PyTorch, batches of 8; never closed (the JVM ends with the tests). */
    public static synchronized BertEncoder encoder() {
        if (encoder == null) {
            encoder = BertEncoder.load(checkpoint(), 8);
        }
        return encoder;
    }

    /**
     * Arrays held by {@code encoder}'s weights manager and its open sub-managers, for tests in other
     * packages that check a call leaves none behind.
     */
    public static int managedArrayCount(BertEncoder encoder) {
        return encoder.managedArrayCount();
    }

    /** The checkpoint's tokenizer, max length 128. */
    public static synchronized BertTokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = BertTokenizer.forCheckpoint(checkpoint(), BertTokenizer.DEFAULT_MAX_LENGTH);
        }
        return tokenizer;
    }

    /**
     * The embedded model as an older HF checkpoint: its vocabulary written out as {@code vocab.txt},
     * no {@code tokenizer.json}, the weights linked.
     *
     * @param tokenizerConfig content of {@code tokenizer_config.json}, or null for none
     */
    public static Path vocabTxtCheckpoint(Path dir, String tokenizerConfig) throws IOException {
        Files.createDirectories(dir);
        JsonNode vocab = new ObjectMapper().readTree(checkpoint().tokenizer().orElseThrow().toFile()).at("/model/vocab");
        String[] tokens = new String[vocab.size()];
        vocab.fields().forEachRemaining(e -> tokens[e.getValue().asInt()] = e.getKey());
        Files.writeString(dir.resolve("vocab.txt"), String.join("\n", tokens) + "\n");
        if (tokenizerConfig != null) {
            Files.writeString(dir.resolve("tokenizer_config.json"), tokenizerConfig);
        }
        Path source = checkpoint().directory();
        Files.copy(source.resolve(BertCheckpoint.CONFIG), dir.resolve(BertCheckpoint.CONFIG));
        Files.createSymbolicLink(dir.resolve(BertCheckpoint.WEIGHTS), source.resolve(BertCheckpoint.WEIGHTS).toAbsolutePath());
        return dir;
    }
}
