package org.zeroprune.nas.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;
import org.zeroprune.nas.ZeroPruneException;

/**
 * Sentence embeddings from a BERT ONNX model in ONNX Runtime: the mean of its last hidden state over
 * each sentence's real tokens, as sentence-transformers pools all-MiniLM-L6-v2. Works for any
 * encoder export with HF optimum's inputs; a model that declares no {@code token_type_ids} is not
 * given one, and one without a {@code last_hidden_state} output is read at its first output.
 */
public final class OrtEmbeddings {
    private OrtEmbeddings() {
    }

    /**
     * Mean-pooled embeddings of {@code tokenIds}, in batches of {@code batchSize} padded to their longest.
     *
     * @throws ZeroPruneException when ONNX Runtime fails, naming what it said
     */
    public static float[][] meanPooled(OrtSession session, int[][] tokenIds, int batchSize) {
        float[][] out = new float[tokenIds.length][];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            boolean types = session.getInputNames().contains("token_type_ids");
            for (int start = 0; start < tokenIds.length; start += batchSize) {
                int end = Math.min(tokenIds.length, start + batchSize);
                try (OrtBatch batch = OrtBatch.padded(env, tokenIds, start, end, 0)) {
                    Map<String, OnnxTensor> inputs = new HashMap<>(batch.inputs());
                    if (!types) {
                        inputs.remove("token_type_ids");
                    }
                    try (OrtSession.Result result = session.run(inputs)) {
                        OnnxValue value = result.get("last_hidden_state").orElse(result.get(0));
                        float[][][] hidden = (float[][][]) value.getValue();
                        for (int s = start; s < end; s++) {
                            out[s] = mean(hidden[s - start], tokenIds[s].length);
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new ZeroPruneException("ONNX Runtime failed to embed " + tokenIds.length + " sentences: "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** The mean of the first {@code length} rows (the real tokens; padding follows them). */
    private static float[] mean(float[][] states, int length) {
        float[] sum = new float[states[0].length];
        for (int t = 0; t < length; t++) {
            for (int h = 0; h < sum.length; h++) {
                sum[h] += states[t][h];
            }
        }
        for (int h = 0; h < sum.length; h++) {
            sum[h] /= length;
        }
        return sum;
    }
}
