package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.onnx.EmbeddedModel;

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
        // a collection first: arrays that borrow freed Java buffers would show up as garbage
        System.gc();
        float[][][] djl = EmbeddedEncoder.encoder().lastHiddenStates(ids);
        float[][][] ort = onnxRuntime(ids);

        double maxDiff = 0;
        for (int s = 0; s < ids.length; s++) {
            assertEquals(ids[s].length, djl[s].length);
            double seqDiff = 0;
            for (int t = 0; t < ids[s].length; t++) {
                for (int h = 0; h < djl[s][t].length; h++) {
                    seqDiff = Math.max(seqDiff, Math.abs(djl[s][t][h] - ort[s][t][h]));
                }
            }
            maxDiff = Math.max(maxDiff, seqDiff);
        }
        System.out.printf("DJL vs ONNX Runtime: max abs diff %.3g over %d sentences%n", maxDiff, ids.length);
        assertTrue(maxDiff <= 1e-4, "max abs diff " + maxDiff);
    }

    private static float[][][] onnxRuntime(int[][] ids) throws IOException, OrtException {
        byte[] model;
        try (InputStream in = EmbeddedModel.openOnnx()) {
            model = in.readAllBytes();
        }
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
