package org.zeroprune.nas.benchmark.flexibert.variant;

import java.lang.ref.WeakReference;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.WeightView;

/**
 * The squared Frobenius norm and shape of every matrix of a model, per layer and module kind: all a
 * {@link VariantFormula} reads. Every variant scores the same model object of an architecture, and
 * fits α on the same labelled models, so the norms are read once per model object and remembered
 * for the {@value #CAPACITY} most recent models (held weakly). Thread-safe.
 */
final class ModelNorms {
    private static final int CAPACITY = 64;
    private static final Deque<Entry> RECENT = new ArrayDeque<>();

    /** Per layer, {@code [attention, ffn]}. */
    private final Matrices[][] layers;

    private record Entry(WeakReference<ModelView> model, ModelNorms norms) {
    }

    /**
     * One module's matrices, in order.
     *
     * @param squared {@code ‖W‖²_F} each, accumulated in double precision
     * @param rows each one's rows
     * @param cols each one's columns
     */
    record Matrices(double[] squared, int[] rows, int[] cols) {
        int count() {
            return squared.length;
        }
    }

    private ModelNorms(ModelView model) {
        layers = new Matrices[model.layerCount()][];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Matrices[] {read(model.layer(l).module(ModuleKind.ATTENTION).matrices()),
                read(model.layer(l).module(ModuleKind.FFN).matrices())};
        }
    }

    /** The norms of {@code model}, read now or remembered from an earlier call with the same object. */
    static ModelNorms of(ModelView model) {
        synchronized (RECENT) {
            for (Iterator<Entry> it = RECENT.iterator(); it.hasNext();) {
                Entry e = it.next();
                ModelView held = e.model().get();
                if (held == null) {
                    it.remove();
                } else if (held == model) {
                    return e.norms();
                }
            }
        }
        ModelNorms norms = new ModelNorms(model); // outside the lock: other threads read their own models
        synchronized (RECENT) {
            RECENT.addFirst(new Entry(new WeakReference<>(model), norms));
            while (RECENT.size() > CAPACITY) {
                RECENT.removeLast();
            }
        }
        return norms;
    }

    int layerCount() {
        return layers.length;
    }

    Matrices module(int layer, ModuleKind kind) {
        return layers[layer][kind == ModuleKind.ATTENTION ? 0 : 1];
    }

    private static Matrices read(List<WeightView> matrices) {
        int n = matrices.size();
        double[] squared = new double[n];
        int[] rows = new int[n];
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            WeightView w = matrices.get(i);
            squared[i] = squaredNorm(w);
            rows[i] = w.rows();
            cols[i] = w.cols();
        }
        return new Matrices(squared, rows, cols);
    }

    /** {@code ‖W‖²_F}, accumulated in double precision in storage order. */
    static double squaredNorm(WeightView w) {
        FloatBuffer data = w.data();
        double sum = 0;
        if (data.hasArray()) {
            float[] values = data.array();
            int end = data.arrayOffset() + data.limit();
            for (int i = data.arrayOffset() + data.position(); i < end; i++) {
                double v = values[i];
                sum += v * v;
            }
            return sum;
        }
        while (data.hasRemaining()) {
            double v = data.get();
            sum += v * v;
        }
        return sum;
    }
}
