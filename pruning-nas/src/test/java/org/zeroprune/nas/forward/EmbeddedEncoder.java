package org.zeroprune.nas.forward;

import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.onnx.EmbeddedModel;

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

    /** The checkpoint's tokenizer, max length 128. */
    public static synchronized BertTokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = BertTokenizer.forCheckpoint(checkpoint(), BertTokenizer.DEFAULT_MAX_LENGTH);
        }
        return tokenizer;
    }
}
