package org.zeroprune.nas.forward;

import org.zeroprune.spi.context.MaskFisher;

/**
 * Diagonal Fisher information of the multiplicative head and neuron masks, at the model as loaded
 * (every mask variable 1), estimated from token sequences alone.
 *
 * <p>The output model: a sequence's mean-pooled embedding {@code e(m)} is the mean of a Gaussian
 * {@code N(e(m), I)}. For each sequence and each probe a target {@code y = e + ε} is drawn with
 * {@code ε ~ N(0, I)} ({@code e} detached), and the loss is the negative log-likelihood
 * {@code L = ½‖e(m) − y‖²}. Its gradient at {@code m = 1} is {@code g = −εᵀ ∂e/∂m}, computed as the
 * gradient of {@code −ε·e(m)}; since {@code E[ε εᵀ] = I}, {@code E[g_u²] = ‖∂e/∂m_u‖²}, the diagonal
 * of the Fisher information {@code JᵀJ}. The squares are summed over sequences and probes (divide
 * by {@code sequences × probes} for the mean).
 *
 * <p>Why not the plain distance to the dense output, {@code ½‖e(m) − e(1)‖²}? Its residual is zero
 * at the dense model, so its gradient there is exactly zero and carries no information; sampling
 * targets from the output distribution is what makes the squared gradient informative.
 *
 * <p>Gradients are per sequence: each batch row has its own mask variables. Probe vectors come
 * from {@code seed} and each sequence's index, so the result is deterministic for a seed.
 */
public final class MaskFisherEstimator {
    private MaskFisherEstimator() {
    }

    /**
     * The estimate over {@code tokenIds} (each with its special tokens, no padding).
     *
     * @param probes targets drawn per sequence, at least 1
     * @param seed seed of the targets
     * @return sums of squared gradients, {@code heads[layer][head]} and {@code neurons[layer][neuron]}
     *     over the loaded checkpoint's units
     */
    public static MaskFisher estimate(BertEncoder encoder, int[][] tokenIds, int probes, long seed) {
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be >= 1, got " + probes);
        }
        encoder.checkTokens(tokenIds);
        int layers = encoder.config().layers();
        int hidden = encoder.hiddenSize();
        double[][] heads = new double[layers][];
        double[][] neurons = new double[layers][];
        for (int l = 0; l < layers; l++) {
            heads[l] = new double[encoder.config().headsInLayer(l)];
            neurons[l] = new double[encoder.config().ffnWidth(l)];
        }
        // sequences of similar length together, each repeated once per probe, about one batch at a time
        int sequencesPerStep = Math.max(1, encoder.batchSize() / probes);
        for (int[] group : Batches.byLength(tokenIds, sequencesPerStep)) {
            int[][] rows = new int[group.length * probes][];
            float[][] targets = new float[rows.length][];
            for (int i = 0; i < group.length; i++) {
                for (int p = 0; p < probes; p++) {
                    rows[i * probes + p] = tokenIds[group[i]];
                    targets[i * probes + p] = GaussianProbes.draw(seed, group[i], p, hidden);
                }
            }
            MaskGradients.Result gradients = MaskGradients.compute(encoder, rows, targets);
            if (!gradients.allFinite()) {
                // seen once in many runs: a batch's gradients came back NaN, and rerunning the same job gave finite
                // ones; the cause is not found. Recompute once, and fail below if it persists
                gradients = MaskGradients.compute(encoder, rows, targets);
            }
            for (int r = 0; r < rows.length; r++) {
                int sequence = group[r / probes];
                addSquares(gradients.heads()[r], heads, sequence, "head");
                addSquares(gradients.neurons()[r], neurons, sequence, "neuron");
            }
        }
        return new MaskFisher(heads, neurons, tokenIds.length);
    }

    private static void addSquares(float[][] gradient, double[][] sums, int sequence, String unit) {
        for (int l = 0; l < sums.length; l++) {
            for (int u = 0; u < sums[l].length; u++) {
                double g = gradient[l][u];
                if (!Double.isFinite(g)) {
                    // a silent NaN would poison every score built on this estimate
                    throw new IllegalStateException("mask gradient of " + unit + " " + u + " in layer " + l
                            + " is " + g + " for sequence " + sequence);
                }
                sums[l][u] += g * g;
            }
        }
    }
}
