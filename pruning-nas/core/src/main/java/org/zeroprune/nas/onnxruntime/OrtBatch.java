package org.zeroprune.nas.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.Map;

/**
 * One padded batch as the three int64 inputs of a BERT ONNX model ({@code input_ids},
 * {@code attention_mask}, {@code token_type_ids}): sequences padded with id 0 to the longest, the
 * mask 1 on real tokens. Close it to free the native tensors.
 */
public final class OrtBatch implements AutoCloseable {
    private final OnnxTensor ids;
    private final OnnxTensor mask;
    private final OnnxTensor types;

    private OrtBatch(OnnxTensor ids, OnnxTensor mask, OnnxTensor types) {
        this.ids = ids;
        this.mask = mask;
        this.types = types;
    }

    /**
     * The sequences {@code rows[from..to)} of {@code tokenIds}, every token of type {@code tokenType}.
     *
     * @throws OrtException when ONNX Runtime cannot allocate the tensors
     */
    public static OrtBatch padded(OrtEnvironment env, int[][] tokenIds, int from, int to, int tokenType) throws OrtException {
        int length = 0;
        for (int s = from; s < to; s++) {
            length = Math.max(length, tokenIds[s].length);
        }
        long[][] ids = new long[to - from][length];
        long[][] mask = new long[to - from][length];
        long[][] types = new long[to - from][length];
        for (int s = from; s < to; s++) {
            for (int t = 0; t < tokenIds[s].length; t++) {
                ids[s - from][t] = tokenIds[s][t];
                mask[s - from][t] = 1;
                types[s - from][t] = tokenType;
            }
        }
        OnnxTensor a = OnnxTensor.createTensor(env, ids);
        try {
            OnnxTensor b = OnnxTensor.createTensor(env, mask);
            try {
                return new OrtBatch(a, b, OnnxTensor.createTensor(env, types));
            } catch (OrtException | RuntimeException e) {
                b.close();
                throw e;
            }
        } catch (OrtException | RuntimeException e) {
            a.close();
            throw e;
        }
    }

    /** The inputs by the names an HF optimum BERT export uses. */
    public Map<String, OnnxTensor> inputs() {
        return Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types);
    }

    @Override
    public void close() {
        ids.close();
        mask.close();
        types.close();
    }
}
