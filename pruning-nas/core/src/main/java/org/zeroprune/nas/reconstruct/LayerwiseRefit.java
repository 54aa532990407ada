package org.zeroprune.nas.reconstruct;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.LayerWeights;
import org.zeroprune.nas.forward.OpenEncoder;
import org.zeroprune.nas.forward.PaddedBatch;
import org.zeroprune.nas.forward.TorchRuntime;

/**
 * Layer-wise reconstruction of a physically pruned model against its dense model, from the bottom
 * layer up. Each layer's attention block and FFN block is refitted in turn so that its output
 * projection, added to the residual, reproduces the dense block's sum before LayerNorm:
 * {@code target = (x_dense + block_dense(x_dense)) − x_pruned}, where {@code x_pruned} comes from
 * the pruned model as refitted so far, so each block also corrects what the blocks below left.
 *
 * <p>Two levels:
 * <ul>
 *   <li>{@link Level#SCALES}: one factor per kept head (its columns of {@code attention.output.dense})
 *       and per kept neuron (its column of {@code output.dense}), damped towards 1, as in Kwon et
 *       al. 2022's mask tuning; factors outside {@code [0, }{@value #MAX_SCALE}{@code ]} count as a
 *       failed solve and the block keeps its plain cut;
 *   <li>{@link Level#REFIT}: every kept column of the output projection and its bias, damped
 *       towards the original values (ridge regression over the block's input Gram matrix). The
 *       bias absorbs the removed units' mean contribution.
 * </ul>
 * Calibration sequences are split into a fitting part and a held-out fifth; the damping is chosen
 * on the held-out part, and a block keeps its plain cut unless the fit lowers the held-out error
 * ({@link DampedLeastSquares}).
 */
public final class LayerwiseRefit {
    /** Largest acceptable per-unit factor. */
    static final double MAX_SCALE = 4.0;
    /** Every {@code HELD_OUT}-th calibration sequence is held out to choose the damping. */
    private static final int HELD_OUT = 5;

    /** What is refitted. */
    public enum Level {
        /** One factor per kept unit. */
        SCALES,
        /** The kept columns of the output projections and their biases. */
        REFIT
    }

    /**
     * One block's outcome; errors are sums of squares over calibration tokens.
     *
     * @param layer the layer
     * @param block {@code attention} or {@code ffn}
     * @param units kept heads or neurons
     * @param before error of the plain cut, all calibration sequences
     * @param after error after the refit (equal to {@code before} if the plain cut was kept)
     * @param heldOutBefore plain cut's error on the held-out sequences
     * @param heldOutAfter best fit's error on the held-out sequences, fitted without them
     * @param damping relative damping chosen, NaN if no fit was usable
     * @param refitted whether the block's weights changed
     */
    public record BlockReport(int layer, String block, int units, double before, double after, double heldOutBefore,
            double heldOutAfter, double damping, boolean refitted) {
    }

    /** The reconstructed checkpoint and what happened in each block. */
    public record Result(BertCheckpoint checkpoint, List<BlockReport> blocks) {
    }

    private LayerwiseRefit() {
    }

    /**
     * Reconstructs {@code pruned} against {@code dense} on {@code calibration}.
     *
     * @param pruned a physically pruned checkpoint of {@code dense}'s model
     */
    public static Result run(BertEncoder dense, BertCheckpoint pruned, int[][] calibration, Level level) {
        try (BertEncoder model = BertEncoder.load(pruned)) {
            OpenEncoder open = OpenEncoder.of(model);
            open.checkTokens(calibration);
            return TorchRuntime.withoutGradient(() -> {
                synchronized (model) {
                    try (NDManager work = open.newScratch()) {
                        return new Run(OpenEncoder.of(dense), open, pruned, level, work).run(calibration);
                    }
                }
            });
        }
    }

    /** The state of one reconstruction. */
    private static final class Run {
        private final OpenEncoder denseWeights;
        private final OpenEncoder prunedWeights;
        private final BertCheckpoint pruned;
        private final Level level;
        private final NDManager work;
        private final Map<String, Tensor> tensors;
        private final List<BlockReport> reports = new ArrayList<>();

        Run(OpenEncoder denseWeights, OpenEncoder prunedWeights, BertCheckpoint pruned, Level level, NDManager work) {
            this.denseWeights = denseWeights;
            this.prunedWeights = prunedWeights;
            this.pruned = pruned;
            this.level = level;
            this.work = work;
            this.tensors = new LinkedHashMap<>(pruned.tensors());
        }

        Result run(int[][] calibration) {
            List<Batch> batches = new ArrayList<>();
            for (int[] rows : prunedWeights.batchesByLength(calibration)) {
                batches.add(Batch.of(work, calibration, rows, denseWeights, prunedWeights));
            }
            for (int l = 0; l < prunedWeights.layers().size(); l++) {
                LayerWeights d = denseWeights.layers().get(l);
                LayerWeights p = prunedWeights.layers().get(l);
                List<NDArray> targets = new ArrayList<>();
                for (Batch b : batches) {
                    targets.add(attentionSum(b.dense, b.additive, d));
                }
                p = refit(l, "attention", p, batches, targets);
                for (int i = 0; i < batches.size(); i++) {
                    Batch b = batches.get(i);
                    b.dense = prunedWeights.norm(targets.get(i), d.attentionNormWeight(), d.attentionNormBias());
                    b.pruned = prunedWeights.norm(attentionSum(b.pruned, b.additive, p), p.attentionNormWeight(),
                            p.attentionNormBias());
                    targets.set(i, ffnSum(b.dense, d));
                }
                p = refit(l, "ffn", p, batches, targets);
                for (int i = 0; i < batches.size(); i++) {
                    Batch b = batches.get(i);
                    b.dense = prunedWeights.norm(targets.get(i), d.outputNormWeight(), d.outputNormBias());
                    b.pruned = prunedWeights.norm(ffnSum(b.pruned, p), p.outputNormWeight(), p.outputNormBias());
                }
            }
            return new Result(new BertCheckpoint(pruned.directory(), pruned.config(), tensors, pruned.prefix()),
                    List.copyOf(reports));
        }

        private NDArray attentionSum(NDArray hidden, NDArray additive, LayerWeights w) {
            if (w.heads() == 0) {
                return hidden.add(w.attentionOutputBias());
            }
            NDArray context = prunedWeights.attentionContext(hidden, additive, w);
            return OpenEncoder.linear(context, w.attentionOutput(), w.attentionOutputBias()).add(hidden);
        }

        private NDArray ffnSum(NDArray hidden, LayerWeights w) {
            if (w.ffnWidth() == 0) {
                return hidden.add(w.outputBias());
            }
            NDArray inner = prunedWeights.ffnActivation(hidden, w);
            return OpenEncoder.linear(inner, w.output(), w.outputBias()).add(hidden);
        }

        /** The block's inputs to its output projection, {@code [N, units·width]}, over every padded position. */
        private NDArray inputs(Batch b, String block, LayerWeights w) {
            NDArray x = block.equals("attention") ? prunedWeights.attentionContext(b.pruned, b.additive, w)
                    : prunedWeights.ffnActivation(b.pruned, w);
            return x.reshape(-1, x.getShape().get(2));
        }

        /** Refits one block of layer {@code l}; returns the layer with the block's new weights. */
        private LayerWeights refit(int l, String block, LayerWeights w, List<Batch> batches, List<NDArray> denseSums) {
            boolean attention = block.equals("attention");
            int units = attention ? w.heads() : w.ffnWidth();
            if (units == 0 && level == Level.SCALES) {
                return w;
            }
            NDArray weight = attention ? w.attentionOutput() : w.output();
            NDArray bias = attention ? w.attentionOutputBias() : w.outputBias();
            int hidden = (int) weight.getShape().get(0);
            int width = (int) weight.getShape().get(1);
            int group = units == 0 ? 1 : width / units;
            int parameters = level == Level.SCALES ? units : width + 1;
            int outputs = level == Level.SCALES ? 1 : hidden;
            DampedLeastSquares.Part all = new DampedLeastSquares.Part(parameters, outputs);
            DampedLeastSquares.Part heldOut = new DampedLeastSquares.Part(parameters, outputs);
            for (int i = 0; i < batches.size(); i++) {
                Batch b = batches.get(i);
                NDArray target = denseSums.get(i).sub(b.pruned).reshape(-1, hidden);
                NDArray x = width == 0 ? null : inputs(b, block, w);
                for (int part = 0; part < 2; part++) {
                    // every token, then the held-out ones: the fitting part is the difference
                    NDArray rows = part == 0 ? b.tokens : b.heldOut;
                    DampedLeastSquares.Part into = part == 0 ? all : heldOut;
                    if (level == Level.SCALES) {
                        addScaleStatistics(into, x, weight, bias, target, rows, units, group);
                    } else {
                        NDArray z = x == null ? rows : x.concat(work.ones(new Shape(x.getShape().get(0), 1)), 1);
                        NDArray zr = z.mul(rows);
                        into.add(zr.transpose().matMul(z).toFloatArray(), zr.transpose().matMul(target).toFloatArray(),
                                target.square().mul(rows).sum().getFloat());
                    }
                }
            }
            float[] w0 = weight.toFloatArray();
            float[] b0 = bias.toFloatArray();
            boolean scales = level == Level.SCALES;
            double[][] theta0 = scales ? RefitParameters.unitScales(parameters)
                    : RefitParameters.outputProjection(w0, b0, hidden, width);
            DampedLeastSquares.Fit fit = DampedLeastSquares.fit(all, heldOut, theta0,
                    scales ? LayerwiseRefit::plausibleScales : t -> true);
            reports.add(new BlockReport(l, block, units, fit.before(), fit.after(), fit.heldOutBefore(),
                    fit.heldOutAfter(), fit.damping(), fit.fitted()));
            if (!fit.fitted()) {
                return w;
            }
            float[] w1 = scales ? RefitParameters.scaledWeight(w0, fit.theta(), hidden, width, group)
                    : RefitParameters.weight(fit.theta(), hidden, width);
            float[] b1 = scales ? b0.clone() : RefitParameters.bias(fit.theta(), hidden, width);
            String weightName = attention ? BertNames.attentionOutput(l, "weight") : BertNames.output(l, "weight");
            String biasName = attention ? BertNames.attentionOutput(l, "bias") : BertNames.output(l, "bias");
            store(weightName, w1);
            store(biasName, b1);
            NDArray newWeight = work.create(w1, weight.getShape());
            NDArray newBias = work.create(b1, bias.getShape());
            return attention ? w.withAttentionBlock(newWeight, newBias, w.attentionNormWeight(), w.attentionNormBias())
                    : w.withFfnBlock(newWeight, newBias, w.outputNormWeight(), w.outputNormBias());
        }

        /**
         * Statistics of the per-unit factors: unit {@code u} contributes {@code Y_u = x_u W_uᵀ} (its
         * slice of the inputs times its columns), and the target is what the block must add minus the
         * fixed bias.
         */
        private void addScaleStatistics(DampedLeastSquares.Part into, NDArray x, NDArray weight, NDArray bias,
                NDArray target, NDArray rows, int units, int group) {
            long n = x.getShape().get(0);
            long hidden = weight.getShape().get(0);
            NDArray shifted = target.sub(bias);
            if (group == 1) {
                // one column per unit: <Y_u, Y_v> = <x_u, x_v>·<W_u, W_v> needs no [units, N, hidden] array
                NDArray masked = x.mul(rows);
                NDArray gram = masked.transpose().matMul(x).mul(weight.transpose().matMul(weight));
                NDArray cross = shifted.matMul(weight).mul(masked).sum(new int[] {0}).reshape(units, 1);
                into.add(gram.toFloatArray(), cross.toFloatArray(), shifted.square().mul(rows).sum().getFloat());
                return;
            }
            NDArray contributions = x.reshape(n, units, group).transpose(1, 0, 2)
                    .matMul(weight.reshape(hidden, units, group).transpose(1, 2, 0));
            NDArray flat = contributions.reshape(units, n * hidden);
            NDArray masked = contributions.mul(rows.reshape(1, n, 1)).reshape(units, n * hidden);
            into.add(masked.matMul(flat.transpose()).toFloatArray(),
                    masked.matMul(shifted.reshape(n * hidden, 1)).toFloatArray(),
                    shifted.square().mul(rows).sum().getFloat());
        }

        private void store(String name, float[] values) {
            Tensor t = tensors.get(name);
            tensors.put(name, Tensor.ofFloats(name, t.dtype(), t.shape(), FloatBuffer.wrap(values)));
        }
    }

    private static boolean plausibleScales(double[][] theta) {
        for (double[] row : theta) {
            if (!(row[0] >= 0 && row[0] <= MAX_SCALE)) {
                return false;
            }
        }
        return true;
    }

    /** One padded batch: its hidden states in both models and which positions count for which part. */
    private static final class Batch {
        final NDArray additive;
        final NDArray tokens;
        final NDArray heldOut;
        NDArray dense;
        NDArray pruned;

        private Batch(NDArray additive, NDArray tokens, NDArray heldOut, NDArray dense, NDArray pruned) {
            this.additive = additive;
            this.tokens = tokens;
            this.heldOut = heldOut;
            this.dense = dense;
            this.pruned = pruned;
        }

        static Batch of(NDManager work, int[][] calibration, int[] rows, OpenEncoder dense, OpenEncoder pruned) {
            PaddedBatch batch = PaddedBatch.of(work, calibration, rows);
            float[] held = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                held[i] = rows[i] % HELD_OUT == HELD_OUT - 1 ? 1f : 0f;
            }
            NDArray mask = batch.attentionMask();
            NDArray heldRows = mask.mul(work.create(held, new Shape(rows.length, 1)));
            return new Batch(OpenEncoder.additiveMask(mask), mask.reshape(-1, 1), heldRows.reshape(-1, 1),
                    dense.embed(batch), pruned.embed(batch));
        }
    }
}
