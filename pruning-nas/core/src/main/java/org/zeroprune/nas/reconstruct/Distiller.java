package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.LayerWeights;
import org.zeroprune.nas.forward.OpenEncoder;
import org.zeroprune.nas.forward.TorchRuntime;

/**
 * Distils a physically pruned model towards the dense one by training every weight it kept: per
 * layer the Q, K, V and output projections, both FFN projections, all their biases and both
 * LayerNorms (the embeddings stay as they are: pruning does not touch them). Adam on DJL's PyTorch
 * engine; the teacher's outputs are computed once per sequence.
 *
 * <p>Objective on a batch ({@link DistillObjective}): a weighted sum of the relational term (mean
 * squared difference between the batch's pairwise cosine-similarity matrices of pooled embeddings,
 * pruned against dense), the pooled cosine distance, the relative squared error of the last hidden
 * states and that of every layer's. Which of them recovers what users measure was decided on STS, not
 * on the objective itself: with text, the token-level term recovered the most (docs/recovery.md).
 *
 * <p>Early stopping: the objective on held-out sequences is measured before training and every
 * {@link Settings#evaluateEvery} steps; the weights of the best measurement are kept. Training stops
 * after {@link Settings#patience} measurements without improvement or at the time cap. When no
 * measurement beats the plain cut's, the plain cut is the result.
 */
public final class Distiller {
    /**
     * @param steps most optimisation steps
     * @param batchSize sequences per step (the relational term needs several)
     * @param learningRate Adam's step size
     * @param objective the weights of the objective's terms
     * @param evaluateEvery steps between held-out measurements
     * @param patience held-out measurements without improvement before stopping
     * @param seconds time cap for the training loop
     * @param seed order of the batches
     */
    public record Settings(int steps, int batchSize, double learningRate, DistillObjective objective, int evaluateEvery,
            int patience, double seconds, long seed) {
    }

    /**
     * What distillation did.
     *
     * @param weights the best weights, or null when the plain cut stays
     * @param heldOutBefore held-out objective of the plain cut
     * @param heldOutAfter held-out objective of the result (equal to before when the cut stays)
     * @param steps steps taken
     * @param bestStep step of the kept weights (0 = the plain cut)
     * @param stoppedBy why training ended: step limit, held-out plateau or time cap
     */
    public record Result(List<LayerArrays> weights, double heldOutBefore, double heldOutAfter, int steps, int bestStep,
            String stoppedBy) {
        /** Whether the result differs from the plain cut. */
        public boolean changed() {
            return bestStep > 0;
        }
    }

    private Distiller() {
    }

    /**
     * Distils {@code pruned} (whose weights this changes in place) towards {@code dense}.
     *
     * @param train calibration sequences to train on
     * @param heldOut calibration sequences for early stopping and the keep-the-cut decision
     * @param progress told the step number after each step
     */
    public static Result distill(BertEncoder dense, BertEncoder pruned, int[][] train, int[][] heldOut, Settings settings,
            IntConsumer progress) {
        OpenEncoder student = OpenEncoder.of(pruned);
        student.checkTokens(train);
        student.checkTokens(heldOut);
        DistillTargets trainTargets = DistillTargets.of(dense, train);
        DistillTargets heldOutTargets = DistillTargets.of(dense, heldOut);
        List<NDArray> parameters = trainable(student);
        double best = settings.objective().evaluate(pruned, heldOut, heldOutTargets);
        double before = best;
        List<LayerArrays> bestWeights = null;
        int bestStep = 0;
        Optimizer adam = Adam.builder().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
        ShuffledBatches batches = new ShuffledBatches(train.length, settings.batchSize(), settings.seed());
        long deadline = System.nanoTime() + (long) (settings.seconds() * 1e9);
        int sinceBest = 0;
        int step = 0;
        String stoppedBy = "step limit";
        try {
            while (step < settings.steps()) {
                if (System.nanoTime() > deadline) {
                    stoppedBy = "time cap";
                    break;
                }
                step(pruned, parameters, adam, train, trainTargets, batches.next(), settings.objective());
                step++;
                progress.accept(step);
                if (step % settings.evaluateEvery() == 0 || step == settings.steps()) {
                    double heldOutNow = settings.objective().evaluate(pruned, heldOut, heldOutTargets);
                    if (heldOutNow < best) {
                        best = heldOutNow;
                        bestStep = step;
                        bestWeights = LayerArrays.copyOf(student);
                        sinceBest = 0;
                    } else if (++sinceBest >= settings.patience()) {
                        stoppedBy = "held-out plateau";
                        break;
                    }
                }
            }
        } finally {
            for (NDArray p : parameters) {
                p.setRequiresGradient(false);
            }
        }
        return new Result(bestWeights, before, best, step, bestStep, stoppedBy);
    }

    /** The arrays of every layer that distillation trains, marked as gradient variables. */
    private static List<NDArray> trainable(OpenEncoder weights) {
        List<NDArray> out = new ArrayList<>();
        for (LayerWeights layer : weights.layers()) {
            for (NDArray a : LayerArrays.arraysOf(layer)) {
                if (a.size() > 0) {
                    a.setRequiresGradient(true);
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static void step(BertEncoder pruned, List<NDArray> parameters, Optimizer adam, int[][] train,
            DistillTargets targets, int[] rows, DistillObjective objective) {
        synchronized (pruned) {
            synchronized (OpenEncoder.gradientLock()) {
                try (NDManager scratch = OpenEncoder.of(pruned).newScratch()) {
                    try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
                        collector.backward(objective.loss(OpenEncoder.of(pruned), train, targets, rows, scratch));
                    }
                    TorchRuntime.withoutGradient(() -> {
                        for (int i = 0; i < parameters.size(); i++) {
                            NDArray p = parameters.get(i);
                            try (NDArray grad = p.getGradient()) {
                                adam.update("p" + i, p, grad);
                            }
                            JniUtils.zeroGrad((PtNDArray) p);
                        }
                        return null;
                    });
                }
            }
        }
    }
}
