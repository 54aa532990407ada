package org.zeroprune.nas.latency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.DoubleSupplier;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.LayerWeights;
import org.zeroprune.nas.forward.OpenEncoder;
import org.zeroprune.nas.forward.TorchRuntime;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Wall-clock latency of a loaded encoder's blocks and of its whole forward pass on this machine:
 * the median of repeated runs after warm-up runs. Block timings give a lookup table of latency by
 * kept heads and by kept neurons per layer; which units are kept does not matter, only how many,
 * so a block keeps its first {@code h} heads or {@code n} neurons. Timings include the block's
 * residual and LayerNorm and exclude preparing the inputs and slicing the weights.
 */
public final class LatencyProfiler {
    /** Untimed runs before measuring, unless told otherwise. */
    public static final int DEFAULT_WARMUPS = 3;
    /** Timed runs whose median is reported, unless told otherwise. */
    public static final int DEFAULT_RUNS = 10;

    private final BertEncoder encoder;
    private final int warmups;
    private final int runs;

    /** A profiler with {@value #DEFAULT_WARMUPS} warm-ups and {@value #DEFAULT_RUNS} timed runs. */
    public LatencyProfiler(BertEncoder encoder) {
        this(encoder, DEFAULT_WARMUPS, DEFAULT_RUNS);
    }

    /**
     * @param warmups untimed runs first (at least 0)
     * @param runs timed runs (at least 1)
     */
    public LatencyProfiler(BertEncoder encoder, int warmups, int runs) {
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + " and " + runs);
        }
        this.encoder = encoder;
        this.warmups = warmups;
        this.runs = runs;
    }

    /**
     * Median milliseconds of layer {@code layer}'s attention block (Q/K/V projections, scores,
     * softmax, context, output projection, residual, LayerNorm) keeping {@code heads} heads, on a
     * batch of {@code batchSize} sequences of {@code sequenceLength} tokens.
     */
    public double attentionMillis(int layer, int heads, int sequenceLength, int batchSize) {
        int present = encoder.config().headsInLayer(layer);
        checkCount("heads", heads, present);
        return timeBlock(layer, UnitSet.firstN(present, heads), UnitSet.all(encoder.config().ffnWidth(layer)),
                sequenceLength, batchSize, true);
    }

    /**
     * Median milliseconds of layer {@code layer}'s FFN block (intermediate projection, activation,
     * output projection, residual, LayerNorm) keeping {@code neurons} neurons, on a batch of
     * {@code batchSize} sequences of {@code sequenceLength} tokens.
     */
    public double ffnMillis(int layer, int neurons, int sequenceLength, int batchSize) {
        int present = encoder.config().ffnWidth(layer);
        checkCount("neurons", neurons, present);
        return timeBlock(layer, UnitSet.all(encoder.config().headsInLayer(layer)), UnitSet.firstN(present, neurons),
                sequenceLength, batchSize, false);
    }

    /**
     * Median milliseconds of the encoder's whole forward pass as loaded (sentence embeddings of
     * {@code tokenIds}, batching included). Profile a dense and a physically pruned checkpoint with
     * one profiler each to compare them.
     */
    public double modelMillis(int[][] tokenIds) {
        return median(() -> {
            long start = System.nanoTime();
            encoder.sentenceEmbeddings(tokenIds);
            return (System.nanoTime() - start) / 1e6;
        });
    }

    /**
     * Median milliseconds of two encoders' whole forward passes on {@code tokenIds}, timed in
     * alternation ({@value #DEFAULT_WARMUPS} warm-ups and {@value #DEFAULT_RUNS} timed runs each), so
     * that a shared machine's changing load falls on both alike.
     *
     * @return {@code {first, second}}
     */
    public static double[] compareModelMillis(BertEncoder first, BertEncoder second, int[][] tokenIds) {
        return AlternatingTimer.medianMillis(() -> first.sentenceEmbeddings(tokenIds), () -> second.sentenceEmbeddings(tokenIds),
                DEFAULT_WARMUPS, DEFAULT_RUNS);
    }

    private double timeBlock(int layer, UnitSet heads, UnitSet neurons, int sequenceLength, int batchSize,
            boolean attention) {
        if (sequenceLength < 1 || batchSize < 1) {
            throw new IllegalArgumentException("sequence length and batch size must be >= 1, got " + sequenceLength
                    + " and " + batchSize);
        }
        OpenEncoder weights = OpenEncoder.of(encoder);
        synchronized (encoder) {
            return TorchRuntime.withoutGradient(() -> {
                try (NDManager scratch = weights.newScratch()) {
                    LayerWeights block = weights.layers().get(layer).select(heads, neurons, scratch);
                    NDArray hidden = scratch.randomNormal(new Shape(batchSize, sequenceLength, encoder.hiddenSize()));
                    NDArray additiveMask = scratch.zeros(new Shape(batchSize, 1, 1, sequenceLength));
                    return median(() -> {
                        try (NDManager run = scratch.newSubManager()) {
                            // a copy in the run's manager, so that the block's intermediates land there too
                            NDArray input = hidden.duplicate();
                            input.attach(run);
                            long start = System.nanoTime();
                            if (attention) {
                                weights.attentionBlock(input, additiveMask, block);
                            } else {
                                weights.feedForwardBlock(input, block);
                            }
                            return (System.nanoTime() - start) / 1e6;
                        }
                    });
                }
            });
        }
    }

    /** Median of {@code runs} results of {@code oneRun} (each the milliseconds of one run) after warm-ups. */
    private double median(DoubleSupplier oneRun) {
        for (int i = 0; i < warmups; i++) {
            oneRun.getAsDouble();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = oneRun.getAsDouble();
        }
        return AlternatingTimer.median(millis);
    }

    private static void checkCount(String what, int count, int present) {
        if (count < 0 || count > present) {
            throw new IllegalArgumentException(what + " must be in 0.." + present + ", got " + count);
        }
    }
}
