package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.onnx.EmbeddedModel;
import org.zeroprune.nas.onnx.OnnxBertImporter;

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
     * {@code mvn -pl pruning-nas test -Dtest=OnnxRuntimeParityTest -Dzeroprune.parity.onnx=a.onnx,b.onnx}.
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
        float[][][] ort = onnxRuntime(ids, onnx);
        double maxDiff = 0;
        for (int s = 0; s < ids.length; s++) {
            assertEquals(ids[s].length, djl[s].length);
            for (int t = 0; t < ids[s].length; t++) {
                for (int h = 0; h < djl[s][t].length; h++) {
                    maxDiff = Math.max(maxDiff, Math.abs(djl[s][t][h] - ort[s][t][h]));
                }
            }
        }
        return maxDiff;
    }

    private static float[][][] onnxRuntime(int[][] ids, byte[] model) throws OrtException {
        float[][][] out = new float[ids.length][][];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options)) {
            for (int start = 0; start < ids.length; start += ORT_BATCH) {
                int end = Math.min(ids.length, start + ORT_BATCH);
                int length = 0;
                for (int s = start; s < end; s++) {
                    length = Math.max(length, ids[s].length);
                }
                long[][] inputIds = new long[end - start][length];
                long[][] mask = new long[end - start][length];
                long[][] types = new long[end - start][length];
                for (int s = start; s < end; s++) {
                    for (int t = 0; t < ids[s].length; t++) {
                        inputIds[s - start][t] = ids[s][t];
                        mask[s - start][t] = 1;
                    }
                }
                try (OnnxTensor a = OnnxTensor.createTensor(env, inputIds);
                        OnnxTensor b = OnnxTensor.createTensor(env, mask);
                        OnnxTensor c = OnnxTensor.createTensor(env, types);
                        OrtSession.Result result = session.run(Map.of("input_ids", a, "attention_mask", b,
                                "token_type_ids", c))) {
                    float[][][] hidden = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
                    System.arraycopy(hidden, 0, out, start, end - start);
                }
            }
        }
        return out;
    }
}
