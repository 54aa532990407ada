package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;

/**
 * Per-sequence gradients of the probe loss {@code L = −ε·e} with respect to multiplicative head and
 * neuron masks, taken at the model as loaded (all masks 1). {@code e} is the mean-pooled last
 * hidden state of the sequence and {@code ε} the sequence's own target vector.
 *
 * <p>Each row of a batch gets its own mask variables ({@code [rows, units]} ones tensors that
 * require a gradient): rows do not interact in the encoder, so one backward pass of the summed loss
 * yields every row's own gradient.
 */
final class MaskGradients {
    /** DJL's PyTorch engine allows one gradient collector at a time in the whole JVM. */
    static final Object COLLECTOR = new Object();

    private MaskGradients() {
    }

    /**
     * Gradients {@code ∂L/∂m} per row.
     *
     * @param tokenIds one sequence per row
     * @param targets one ε of {@code hiddenSize} values per row
     */
    static Result compute(BertEncoder encoder, int[][] tokenIds, float[][] targets) {
        if (tokenIds.length != targets.length) {
            throw new IllegalArgumentException(tokenIds.length + " sequences but " + targets.length + " targets");
        }
        encoder.checkTokens(tokenIds);
        int layers = encoder.config().layers();
        float[][][] heads = new float[tokenIds.length][layers][];
        float[][][] neurons = new float[tokenIds.length][layers][];
        synchronized (encoder) {
            synchronized (COLLECTOR) {
                for (int[] rows : Batches.byLength(tokenIds, encoder.batchSize())) {
                    batch(encoder, tokenIds, targets, rows, heads, neurons);
                }
            }
        }
        return new Result(heads, neurons);
    }

    private static void batch(BertEncoder encoder, int[][] tokenIds, float[][] targets, int[] rows,
            float[][][] heads, float[][][] neurons) {
        EncoderWeights weights = encoder.weights();
        int hidden = encoder.hiddenSize();
        try (NDManager scratch = encoder.newScratch()) {
            PaddedBatch batch = PaddedBatch.of(scratch, tokenIds, rows);
            NDArray[] headVars = new NDArray[weights.layers().size()];
            NDArray[] neuronVars = new NDArray[headVars.length];
            for (int l = 0; l < headVars.length; l++) {
                headVars[l] = variable(scratch, rows.length, weights.layers().get(l).heads());
                neuronVars[l] = variable(scratch, rows.length, weights.layers().get(l).ffnWidth());
            }
            float[] eps = new float[rows.length * hidden];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(targets[rows[i]], 0, eps, i * hidden, hidden);
            }
            NDArray target = scratch.create(eps, new Shape(rows.length, hidden));
            MaskArrays masks = new MaskArrays() {
                @Override
                public NDArray heads(int layer) {
                    return headVars[layer];
                }

                @Override
                public NDArray neurons(int layer) {
                    return neuronVars[layer];
                }
            };
            try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
                NDArray states = EncoderBlocks.encode(weights, weights.layers(), batch, masks);
                NDArray embeddings = EncoderBlocks.meanPool(states, batch.attentionMask());
                collector.backward(embeddings.mul(target).sum().neg());
            }
            for (int l = 0; l < headVars.length; l++) {
                split(gradient(headVars[l]), rows, l, weights.layers().get(l).heads(), heads);
                split(gradient(neuronVars[l]), rows, l, weights.layers().get(l).ffnWidth(), neurons);
            }
        }
    }

    /** Ones {@code [rows, units]} that require a gradient, or {@code null} for an empty block. */
    private static NDArray variable(NDManager scratch, int rows, int units) {
        if (units == 0) {
            return null;
        }
        NDArray ones = scratch.ones(new Shape(rows, units));
        ones.setRequiresGradient(true);
        return ones;
    }

    private static float[] gradient(NDArray variable) {
        return variable == null ? new float[0] : variable.getGradient().toFloatArray();
    }

    private static void split(float[] flat, int[] rows, int layer, int units, float[][][] out) {
        for (int i = 0; i < rows.length; i++) {
            out[rows[i]][layer] = units == 0 ? new float[0] : Arrays.copyOfRange(flat, i * units, (i + 1) * units);
        }
    }

    /**
     * Gradients per row.
     *
     * @param heads {@code [row][layer][head]}
     * @param neurons {@code [row][layer][neuron]}
     */
    record Result(float[][][] heads, float[][][] neurons) {
        /** Whether every gradient is a finite number. */
        boolean allFinite() {
            return finite(heads) && finite(neurons);
        }

        private static boolean finite(float[][][] values) {
            for (float[][] row : values) {
                for (float[] layer : row) {
                    for (float v : layer) {
                        if (!Float.isFinite(v)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }
}
