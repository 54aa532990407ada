package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.importer.EmbeddedModel;
import org.zeroprune.nas.importer.OnnxBertImporter;
import org.zeroprune.nas.testing.HiddenStates;

/**
 * The DJL forward of the imported embedded model equals ONNX Runtime on the original ONNX file,
 * both batched with padding; only real (non-padded) positions are compared.
 */
class OnnxRuntimeParityTest {
    /** Sequences per ONNX Runtime call; differs from the encoder's 8 so that padding differs too. */
    private static final int ORT_BATCH = 12;

    @Test
    void lastHiddenStateMatchesOnnxRuntime() throws IOException, OrtException {
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied());
        assertTrue(ids.length >= 32);
        assertEquals(128, ids[ids.length - 1].length, "the long sentence is truncated to 128 tokens");
        byte[] onnx;
        try (InputStream in = EmbeddedModel.openOnnx()) {
            onnx = in.readAllBytes();
        }
        double maxDiff = maxDifference(EmbeddedEncoder.encoder(), ids, onnx);
        System.out.printf("DJL vs ONNX Runtime: max abs diff %.3g over %d sentences%n", maxDiff, ids.length);
        assertTrue(maxDiff <= 1e-4, "max abs diff " + maxDiff);
    }

    /**
     * The same check on other BERT ONNX files, each with its {@code <name>-tokenizer.json} or
     * {@code tokenizer.json} beside it, named (comma-separated) by the system property
     * {@code zeroprune.parity.onnx}; skipped without it. For checking an import of a new model:
     * {@code mvn -pl pruning-nas/core test -Dtest=OnnxRuntimeParityTest -Dzeroprune.parity.onnx=a.onnx,b.onnx}.
     */
    @Test
    void otherOnnxModelsMatchOnnxRuntime(@TempDir Path work) throws IOException, OrtException {
        String files = System.getProperty("zeroprune.parity.onnx", "");
        assumeTrue(!files.isBlank(), "no -Dzeroprune.parity.onnx given");
        for (String file : files.split(",")) {
            Path onnx = Path.of(file.trim());
            String stem = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
            Path tokenizer = onnx.resolveSibling(stem + "-tokenizer.json");
            BertCheckpoint checkpoint = OnnxBertImporter.importFile(onnx, Optional.of(Files.exists(tokenizer) ? tokenizer
                    : onnx.resolveSibling("tokenizer.json")), OptionalInt.empty(), work.resolve(stem));
            int[][] ids = BertTokenizer.forCheckpoint(checkpoint, BertTokenizer.DEFAULT_MAX_LENGTH).encode(Sentences.varied());
            try (BertEncoder encoder = BertEncoder.load(checkpoint, 8)) {
                double maxDiff = maxDifference(encoder, ids, Files.readAllBytes(onnx));
                System.out.printf("%s: DJL vs ONNX Runtime: max abs diff %.3g over %d sentences%n", onnx, maxDiff,
                        ids.length);
                assertTrue(maxDiff <= 1e-4, onnx + ": max abs diff " + maxDiff);
            }
        }
    }

    /** The largest difference between DJL's and ONNX Runtime's last hidden states, real positions only. */
    private static double maxDifference(BertEncoder encoder, int[][] ids, byte[] onnx) throws OrtException {
        // a collection first: arrays that borrow freed Java buffers would show up as garbage
        System.gc();
        float[][][] djl = encoder.lastHiddenStates(ids);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx, options)) {
            return HiddenStates.maxAbsDiff(djl, HiddenStates.onnxRuntime(session, ids, ORT_BATCH, 0));
        }
    }
}
