package org.zeroprune.nas.forward;

import java.util.function.IntUnaryOperator;
import org.zeroprune.nas.checkpoint.BertConfig;

/** Checks of what a caller hands a {@link BertEncoder}: token ids, and masks or scales per layer. */
final class EncoderInputs {
    private EncoderInputs() {
    }

    /**
     * Every sequence is non-empty, fits the position embeddings and holds valid ids.
     *
     * @throws IllegalArgumentException naming the first bad sequence
     */
    static void checkTokens(BertConfig config, int[][] tokenIds) {
        int max = config.maxPositions();
        int vocab = config.vocabSize();
        for (int i = 0; i < tokenIds.length; i++) {
            int[] seq = tokenIds[i];
            if (seq == null || seq.length == 0 || seq.length > max) {
                throw new IllegalArgumentException("sequence " + i + " has " + (seq == null ? "no" : seq.length)
                        + " tokens; expected 1.." + max);
            }
            for (int id : seq) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("sequence " + i + " holds token id " + id + "; expected 0.."
                            + (vocab - 1));
                }
            }
        }
    }

    /**
     * One entry per layer, with as many heads and neurons per layer as the model has.
     *
     * @throws IllegalArgumentException naming the first layer that differs
     */
    static void checkSizes(BertConfig config, int layers, IntUnaryOperator heads, IntUnaryOperator neurons) {
        if (layers != config.layers()) {
            throw new IllegalArgumentException("mask has " + layers + " layers, the model has " + config.layers());
        }
        for (int l = 0; l < layers; l++) {
            if (heads.applyAsInt(l) != config.headsInLayer(l) || neurons.applyAsInt(l) != config.ffnWidth(l)) {
                throw new IllegalArgumentException("layer " + l + ": mask covers " + heads.applyAsInt(l) + " heads and "
                        + neurons.applyAsInt(l) + " neurons, the model has " + config.headsInLayer(l) + " and "
                        + config.ffnWidth(l));
            }
        }
    }
}
