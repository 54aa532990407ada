package org.zeroprune.nas.forward;

import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertConfig;

/**
 * Refuses a model whose dense forward pass gives NaN or infinite values (weights that overflow
 * float32, or that hold NaN): every fidelity, STS score and recovery objective computed from it
 * would be NaN, reported as if it were a result. The check runs the dense model on a few short
 * sequences of ids spread over the vocabulary (no tokenizer needed), and only when a value is not
 * finite looks for the first layer where it appears, so a sound model pays one tiny forward pass.
 */
public final class DenseOutputCheck {
    private static final int SEQUENCES = 4;
    private static final int LENGTH = 8;

    private DenseOutputCheck() {
    }

    /**
     * Throws when {@code encoder}'s dense outputs are not finite.
     *
     * @param model names the model in the message
     * @throws ZeroPruneException naming the model and the first layer whose output is not finite
     */
    public static void check(BertEncoder encoder, String model) {
        int depth = encoder.firstNonFiniteDepth(probes(encoder.config()));
        if (depth >= 0) {
            String where = depth == 0 ? "in the embeddings' output (check the embedding and LayerNorm tensors)"
                    : "first in the output of layer " + (depth - 1) + " (tensors encoder.layer." + (depth - 1) + ".*)";
            throw new ZeroPruneException("model " + model + ": its dense forward pass gives non-finite values (NaN or"
                    + " infinity) " + where + ", so fidelity, STS and recovery on it would mean nothing; its weights"
                    + " overflow float32 or hold NaN: check the checkpoint");
        }
    }

    /** {@value #SEQUENCES} sequences of up to {@value #LENGTH} ids spread over the vocabulary. */
    static int[][] probes(BertConfig config) {
        int length = Math.max(1, Math.min(LENGTH, config.maxPositions()));
        int vocab = config.vocabSize();
        int[][] ids = new int[SEQUENCES][length];
        for (int s = 0; s < SEQUENCES; s++) {
            for (int t = 0; t < length; t++) {
                // a stride coprime to most vocabulary sizes reaches ids far apart
                ids[s][t] = (int) ((1L + s * length + t) * 7919L % vocab);
            }
        }
        return ids;
    }
}
