package org.zeroprune.nas.reconstruct;

import org.zeroprune.nas.forward.BertEncoder;

/**
 * The dense model's outputs for distillation, computed once: per sequence its last hidden states
 * {@code [length][hidden]} and its mean-pooled embedding; and the dense model itself, for the
 * layer-by-layer term, whose targets are computed per batch (all layers of every sequence would
 * not fit in memory for a large calibration set).
 */
record DistillTargets(BertEncoder teacher, float[][][] states, float[][] pooled) {

    /** The dense model's outputs of {@code sequences}. */
    static DistillTargets of(BertEncoder dense, int[][] sequences) {
        float[][][] states = dense.lastHiddenStates(sequences);
        float[][] pooled = new float[states.length][];
        for (int s = 0; s < states.length; s++) {
            float[][] seq = states[s];
            float[] mean = new float[dense.hiddenSize()];
            for (float[] token : seq) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += token[j];
                }
            }
            for (int j = 0; j < mean.length; j++) {
                mean[j] /= seq.length;
            }
            pooled[s] = mean;
        }
        return new DistillTargets(dense, states, pooled);
    }
}
