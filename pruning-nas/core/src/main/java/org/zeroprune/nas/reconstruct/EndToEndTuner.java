package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.LayerWeights;
import org.zeroprune.nas.forward.OpenEncoder;
import org.zeroprune.nas.forward.PaddedBatch;
import org.zeroprune.nas.forward.Scalars;
import org.zeroprune.nas.forward.TorchRuntime;

/**
 * Tunes the small parameters of a physically pruned model end to end, by gradient through the
 * whole encoder, so that its last hidden states match the dense model's on calibration sequences.
 * No weight matrix is retrained: the tuned parameters are one scale per kept head and per kept
 * neuron (folded into the columns of the output projections afterwards) and, optionally, the two
 * output-projection biases and the two LayerNorms of every layer: per layer, the kept heads and neurons
 * plus six times the hidden size, some ten thousand numbers for a small model.
 *
 * <p>Objective on a batch: {@code token · Σ‖h − h*‖² / Σ‖h*‖² + pooled · mean(1 − cos(p, p*))},
 * {@code h} the pruned model's last hidden states over real tokens, {@code h*} the dense model's,
 * {@code p} their mean-pooled sentence embeddings. Adam, plain Java arithmetic on the few
 * parameters; the forward and backward passes run on DJL's PyTorch engine.
 */
public final class EndToEndTuner {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;

    /**
     * @param steps optimisation steps
     * @param batchSize sequences per step
     * @param learningRate Adam's step size
     * @param biases also tune the two output-projection biases of each layer
     * @param norms also tune the gain and bias of each layer's two LayerNorms
     * @param tokenWeight weight of the token-level relative squared error
     * @param pooledWeight weight of the pooled cosine distance
     * @param seed order of the batches
     */
    public record Settings(int steps, int batchSize, double learningRate, boolean biases, boolean norms,
            double tokenWeight, double pooledWeight, long seed) {
        /** The defaults {@code prune} uses, with {@code steps} steps. */
        public static Settings defaults(int steps, long seed) {
            return new Settings(steps, 32, 0.003, true, true, 1.0, 1.0, seed);
        }
    }

    /** The tuned parameters and the objective on the whole calibration set before and after. */
    public record Result(TunedParameters parameters, double objectiveBefore, double objectiveAfter) {
    }

    private EndToEndTuner() {
    }

    /**
     * Tunes {@code pruned} towards {@code dense} on {@code calibration}.
     *
     * @param denseStates the dense model's last hidden states of {@code calibration}
     */
    public static Result tune(BertEncoder pruned, float[][][] denseStates, int[][] calibration, Settings settings) {
        OpenEncoder.of(pruned).checkTokens(calibration);
        TunedParameters start = TunedParameters.of(OpenEncoder.of(pruned));
        double before = objective(pruned, start, denseStates, calibration, settings);
        TunedParameters current = start.copy();
        float[][] params = current.flat(settings.biases(), settings.norms());
        double[][] m = new double[params.length][];
        double[][] v = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            m[i] = new double[params[i].length];
            v[i] = new double[params[i].length];
        }
        ShuffledBatches batches = new ShuffledBatches(calibration.length, settings.batchSize(), settings.seed());
        for (int step = 1; step <= settings.steps(); step++) {
            int[] rows = batches.next();
            float[][] grads = gradients(pruned, current, settings, denseStates, calibration, rows);
            double c1 = 1 - Math.pow(BETA1, step);
            double c2 = 1 - Math.pow(BETA2, step);
            for (int i = 0; i < params.length; i++) {
                for (int j = 0; j < params[i].length; j++) {
                    double g = grads[i][j];
                    m[i][j] = BETA1 * m[i][j] + (1 - BETA1) * g;
                    v[i][j] = BETA2 * v[i][j] + (1 - BETA2) * g * g;
                    params[i][j] -= (float) (settings.learningRate() * (m[i][j] / c1) / (Math.sqrt(v[i][j] / c2) + ADAM_EPS));
                }
            }
        }
        double after = objective(pruned, current, denseStates, calibration, settings);
        return after <= before ? new Result(current, before, after) : new Result(start, before, before);
    }


    /** The objective over every calibration sequence, without gradient. */
    public static double objective(BertEncoder pruned, TunedParameters p, float[][][] denseStates, int[][] calibration,
            Settings settings) {
        return TorchRuntime.withoutGradient(() -> {
            double sum = 0;
            int count = 0;
            synchronized (pruned) {
                for (int[] rows : OpenEncoder.of(pruned).batchesByLength(calibration)) {
                    try (NDManager scratch = OpenEncoder.of(pruned).newScratch()) {
                        NDArray loss = loss(OpenEncoder.of(pruned), p.arrays(scratch, false), settings, denseStates, calibration,
                                rows, scratch);
                        sum += loss.getFloat() * rows.length;
                        count += rows.length;
                    }
                }
            }
            return sum / count;
        });
    }

    private static float[][] gradients(BertEncoder pruned, TunedParameters p, Settings settings, float[][][] denseStates,
            int[][] calibration, int[] rows) {
        synchronized (pruned) {
            synchronized (OpenEncoder.gradientLock()) {
                try (NDManager scratch = OpenEncoder.of(pruned).newScratch()) {
                    TunedParameters.Arrays arrays = p.arrays(scratch, true);
                    try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
                        collector.backward(loss(OpenEncoder.of(pruned), arrays, settings, denseStates, calibration, rows, scratch));
                    }
                    return arrays.gradients(settings.biases(), settings.norms());
                }
            }
        }
    }

    private static NDArray loss(OpenEncoder weights, TunedParameters.Arrays p, Settings settings,
            float[][][] denseStates, int[][] calibration, int[] rows, NDManager scratch) {
        PaddedBatch batch = PaddedBatch.of(scratch, calibration, rows);
        int hidden = weights.config().hiddenSize();
        int length = batch.length();
        float[] target = new float[rows.length * length * hidden];
        for (int i = 0; i < rows.length; i++) {
            float[][] seq = denseStates[rows[i]];
            for (int t = 0; t < seq.length; t++) {
                System.arraycopy(seq[t], 0, target, (i * length + t) * hidden, hidden);
            }
        }
        NDArray expected = scratch.create(target, new Shape(rows.length, length, hidden));
        List<LayerWeights> layers = p.layers(weights.layers());
        NDArray states = weights.encode(layers, batch, p.masks());
        NDArray mask = batch.attentionMask().expandDims(2);
        NDArray tokenError = states.sub(expected).square().mul(mask).sum().div(expected.square().mul(mask).sum());
        NDArray pooled = OpenEncoder.meanPool(states, batch.attentionMask());
        NDArray pooledTarget = OpenEncoder.meanPool(expected, batch.attentionMask());
        NDArray norms = pooled.norm(new int[] {1}).mul(pooledTarget.norm(new int[] {1}));
        NDArray cos = pooled.mul(pooledTarget).sum(new int[] {1}).div(norms.maximum(Scalars.of(norms, 1e-12)));
        NDArray pooledError = cos.neg().add(1).mean();
        // scalars that autograd keeps must outlive the backward pass (see Scalars)
        return tokenError.mul(Scalars.of(tokenError, settings.tokenWeight()))
                .add(pooledError.mul(Scalars.of(pooledError, settings.pooledWeight())));
    }
}
