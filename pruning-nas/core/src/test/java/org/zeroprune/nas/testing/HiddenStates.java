package org.zeroprune.nas.testing;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import org.zeroprune.nas.onnxruntime.OrtBatch;

/** Last hidden states from ONNX Runtime, and how far two sets of them lie apart. */
public final class HiddenStates {
    private HiddenStates() {
    }

    /**
     * {@code last_hidden_state} of a BERT ONNX model: per sequence {@code [length][hidden]} at its real positions: batches of {@code batchSize}
     * sequences padded to their longest, every token of type {@code tokenType}.
     */
    public static float[][][] onnxRuntime(OrtSession session, int[][] ids, int batchSize, int tokenType) throws OrtException {
        float[][][] out = new float[ids.length][][];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (int start = 0; start < ids.length; start += batchSize) {
            int end = Math.min(ids.length, start + batchSize);
            try (OrtBatch batch = OrtBatch.padded(env, ids, start, end, tokenType);
                    OrtSession.Result result = session.run(batch.inputs())) {
                float[][][] hidden = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
                for (int s = start; s < end; s++) {
                    out[s] = Arrays.copyOf(hidden[s - start], ids[s].length);
                }
            }
        }
        return out;
    }

    /** The largest absolute difference between two sets of hidden states of the same shapes; NaN counts as infinite. */
    public static double maxAbsDiff(float[][][] a, float[][][] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " sequences against " + b.length);
        }
        double max = 0;
        for (int s = 0; s < a.length; s++) {
            if (a[s].length != b[s].length) {
                throw new AssertionError("sequence " + s + ": " + a[s].length + " positions against " + b[s].length);
            }
            for (int t = 0; t < a[s].length; t++) {
                for (int h = 0; h < a[s][t].length; h++) {
                    double d = Math.abs(a[s][t][h] - b[s][t][h]);
                    max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
                }
            }
        }
        return max;
    }
}
