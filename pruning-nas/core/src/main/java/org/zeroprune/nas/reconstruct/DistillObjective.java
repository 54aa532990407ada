package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.MaskArrays;
import org.zeroprune.nas.forward.OpenEncoder;
import org.zeroprune.nas.forward.PaddedBatch;
import org.zeroprune.nas.forward.Scalars;
import org.zeroprune.nas.forward.TorchRuntime;

/**
 * What distillation minimises on a batch: {@code relational · mean((Ŝ − S)²) + pooled · mean(1 −
 * cos(p, p*)) + tokens · Σ‖h − h*‖² / Σ‖h*‖²}, where {@code S} and {@code Ŝ} are the pairwise cosine
 * similarities of the batch's mean-pooled embeddings (dense and pruned), {@code p} and {@code p*} the
 * pooled embeddings of one sequence, and {@code h}, {@code h*} the last hidden states over real
 * tokens, {@code + layers · mean over layers l of Σ‖h_l − h*_l‖² / Σ‖h*_l‖²} with the hidden
 * states after every layer. A weight of 0 leaves its term out.
 *
 * @param relational weight of the pairwise-similarity term
 * @param pooled weight of the pooled cosine distance
 * @param tokens weight of the token-level relative squared error of the last hidden states
 * @param layers weight of the relative squared error of every layer's hidden states
 */
public record DistillObjective(double relational, double pooled, double tokens, double layers) {
    /** Sequences per batch when the objective is measured without gradient. */
    static final int EVALUATION_BATCH = 32;

    public DistillObjective {
        if (!(relational >= 0 && pooled >= 0 && tokens >= 0 && layers >= 0) || relational + pooled + tokens + layers == 0) {
            throw new IllegalArgumentException("objective weights must be >= 0 and not all 0, got relational "
                    + relational + ", pooled " + pooled + ", tokens " + tokens + ", layers " + layers);
        }
    }

    /** Mean objective over {@code sequences} in consecutive batches, without gradient. */
    double evaluate(BertEncoder model, int[][] sequences, DistillTargets targets) {
        return TorchRuntime.withoutGradient(() -> {
            double sum = 0;
            int count = 0;
            synchronized (model) {
                for (int[] rows : consecutive(sequences.length, EVALUATION_BATCH)) {
                    try (NDManager scratch = OpenEncoder.of(model).newScratch()) {
                        sum += loss(OpenEncoder.of(model), sequences, targets, rows, scratch).getFloat() * rows.length;
                        count += rows.length;
                    }
                }
            }
            return sum / count;
        });
    }

    /** The objective of the batch {@code rows} of {@code sequences}, differentiable. */
    NDArray loss(OpenEncoder weights, int[][] sequences, DistillTargets targets, int[] rows, NDManager scratch) {
        PaddedBatch batch = PaddedBatch.of(scratch, sequences, rows);
        List<NDArray> layerStates = weights.encodeLayers(weights.layers(), batch, MaskArrays.NONE);
        NDArray states = layerStates.get(layerStates.size() - 1);
        NDArray embeddings = OpenEncoder.meanPool(states, batch.attentionMask());
        NDArray targetEmbeddings = scratch.create(pick(targets.pooled(), rows),
                new Shape(rows.length, weights.config().hiddenSize()));
        NDArray unit = unit(embeddings);
        NDArray unitTarget = unit(targetEmbeddings);
        NDArray total = null;
        if (relational > 0) {
            NDArray similarity = unit.matMul(unit.transpose());
            NDArray targetSimilarity = unitTarget.matMul(unitTarget.transpose());
            total = weighted(similarity.sub(targetSimilarity).square().mean(), relational, null);
        }
        if (pooled > 0) {
            total = weighted(unit.mul(unitTarget).sum(new int[] {1}).neg().add(1).mean(), pooled, total);
        }
        if (tokens > 0) {
            NDArray expected = scratch.create(paddedStates(targets.states(), rows, batch.length(), weights.config().hiddenSize()),
                    states.getShape());
            total = weighted(relativeError(states, expected, batch), tokens, total);
        }
        if (layers > 0) {
            OpenEncoder teacher = OpenEncoder.of(targets.teacher());
            List<NDArray> expected = TorchRuntime.withoutGradient(
                    () -> teacher.encodeLayers(teacher.layers(), batch, MaskArrays.NONE));
            NDArray sum = null;
            for (int l = 0; l < layerStates.size(); l++) {
                NDArray e = relativeError(layerStates.get(l), expected.get(l), batch);
                sum = sum == null ? e : sum.add(e);
            }
            total = weighted(sum, layers / layerStates.size(), total);
        }
        return total;
    }

    /** {@code Σ‖h − h*‖² / Σ‖h*‖²} over the batch's real tokens. */
    private static NDArray relativeError(NDArray states, NDArray expected, PaddedBatch batch) {
        NDArray mask = batch.attentionMask().expandDims(2);
        return states.sub(expected).square().mul(mask).sum().div(expected.square().mul(mask).sum());
    }

    /** Rows scaled to unit length. */
    private static NDArray unit(NDArray rows) {
        NDArray norms = rows.norm(new int[] {1}, true);
        return rows.div(norms.maximum(Scalars.of(norms, 1e-12)));
    }

    /** {@code weight · term}, added to {@code sum} unless it is null; the scalar lives as long as the graph. */
    private static NDArray weighted(NDArray term, double weight, NDArray sum) {
        NDArray w = term.mul(Scalars.of(term, weight));
        return sum == null ? w : sum.add(w);
    }

    /** Indices {@code 0..count-1} in consecutive groups of at most {@code size}, in order. */
    private static List<int[]> consecutive(int count, int size) {
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < count; start += size) {
            out.add(IntStream.range(start, Math.min(count, start + size)).toArray());
        }
        return out;
    }

    private static float[] pick(float[][] rowsOf, int[] rows) {
        int width = rowsOf[rows[0]].length;
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rowsOf[rows[i]], 0, out, i * width, width);
        }
        return out;
    }

    private static float[] paddedStates(float[][][] states, int[] rows, int length, int hidden) {
        float[] out = new float[rows.length * length * hidden];
        for (int i = 0; i < rows.length; i++) {
            float[][] seq = states[rows[i]];
            for (int t = 0; t < seq.length; t++) {
                System.arraycopy(seq[t], 0, out, (i * length + t) * hidden, hidden);
            }
        }
        return out;
    }
}
