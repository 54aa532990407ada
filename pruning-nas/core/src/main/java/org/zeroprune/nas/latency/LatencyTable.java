package org.zeroprune.nas.latency;

import java.util.Arrays;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.forward.BertEncoder;

/**
 * Measured latency of every layer's attention and FFN block as a function of the kept width, as
 * Kwon et al. (2022) build it: each head count is timed, FFN widths on a grid with linear
 * interpolation in between. Timings are made non-decreasing in the width (a running maximum), so
 * that removing units never "costs" time because of measurement noise. Layers of equal shape share
 * one measurement. Units: milliseconds per batch.
 */
public final class LatencyTable implements LayerCosts {
    private final double[][] attention;
    private final int[][] ffnWidths;
    private final double[][] ffnMillis;

    private LatencyTable(double[][] attention, int[][] ffnWidths, double[][] ffnMillis) {
        this.attention = attention;
        this.ffnWidths = ffnWidths;
        this.ffnMillis = ffnMillis;
    }

    /**
     * Times the blocks of {@code encoder}.
     *
     * @param ffnSteps number of FFN widths measured per layer, evenly spaced (0 and full included)
     */
    public static LatencyTable measure(BertEncoder encoder, LatencyProfiler profiler, int sequenceLength, int batch,
            int ffnSteps) {
        int layers = encoder.config().layers();
        double[][] attention = new double[layers][];
        int[][] widths = new int[layers][];
        double[][] ffn = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int heads = encoder.config().headsInLayer(l);
            int neurons = encoder.config().ffnWidth(l);
            int same = sameShapeBefore(encoder, l);
            if (same >= 0) {
                attention[l] = attention[same];
                widths[l] = widths[same];
                ffn[l] = ffn[same];
                continue;
            }
            attention[l] = new double[heads + 1];
            for (int h = 0; h <= heads; h++) {
                attention[l][h] = profiler.attentionMillis(l, h, sequenceLength, batch);
            }
            int steps = Math.max(2, Math.min(ffnSteps, neurons + 1));
            widths[l] = new int[steps];
            ffn[l] = new double[steps];
            for (int i = 0; i < steps; i++) {
                widths[l][i] = (int) Math.round((double) i * neurons / (steps - 1));
                ffn[l][i] = profiler.ffnMillis(l, widths[l][i], sequenceLength, batch);
            }
            monotone(attention[l]);
            monotone(ffn[l]);
        }
        return new LatencyTable(attention, widths, ffn);
    }

    private static int sameShapeBefore(BertEncoder encoder, int layer) {
        for (int l = 0; l < layer; l++) {
            if (encoder.config().headsInLayer(l) == encoder.config().headsInLayer(layer)
                    && encoder.config().ffnWidth(l) == encoder.config().ffnWidth(layer)) {
                return l;
            }
        }
        return -1;
    }

    private static void monotone(double[] values) {
        for (int i = 1; i < values.length; i++) {
            values[i] = Math.max(values[i], values[i - 1]);
        }
    }

    @Override
    public int layers() {
        return attention.length;
    }

    @Override
    public double attention(int layer, int heads) {
        return attention[layer][heads];
    }

    @Override
    public double ffn(int layer, int neurons) {
        int[] w = ffnWidths[layer];
        double[] ms = ffnMillis[layer];
        int i = Arrays.binarySearch(w, neurons);
        if (i >= 0) {
            return ms[i];
        }
        int upper = -i - 1;
        int lower = upper - 1;
        double t = (double) (neurons - w[lower]) / (w[upper] - w[lower]);
        return ms[lower] + t * (ms[upper] - ms[lower]);
    }

    @Override
    public String unit() {
        return "ms per batch";
    }
}
