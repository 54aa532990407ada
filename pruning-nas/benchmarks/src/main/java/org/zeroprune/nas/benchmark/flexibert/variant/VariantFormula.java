package org.zeroprune.nas.benchmark.flexibert.variant;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;

/**
 * The two parts {@code (A, F)} a variant balances as {@code α·A + (1 − α)·F}. Notation:
 * {@code C(W)} capacity and {@code Ĉ(W)} relative capacity ({@link MatrixCapacity}); for a module
 * {@code M} of layer {@code l}, {@code ΣC(M)} sums and {@code mean C(M)} averages {@code C} over the
 * module's matrices (biases and LayerNorms excluded); {@code L} is the number of layers. ZeroLM's
 * {@code S_attn = Σ_l ΣC(attn_l)}, {@code S_ffn = Σ_l ΣC(ffn_l)}.
 */
public enum VariantFormula {
    /**
     * Capacity normalised per module: {@code A = Σ_l mean C(attn_l)}, {@code F = Σ_l mean C(ffn_l)}.
     * A module's number of matrices (stacked FFNs, the seven matrices of a convolution) no longer
     * inflates it.
     */
    MODULE_MEAN("variant-module-mean") {
        @Override
        double[] parts(ModelView model) {
            return new double[] {sumOverLayers(model, ModuleKind.ATTENTION, m -> mean(m, MatrixCapacity::capacity)),
                sumOverLayers(model, ModuleKind.FFN, m -> mean(m, MatrixCapacity::capacity))};
        }
    },
    /** Mean over layers instead of the sum: {@code A = S_attn / L}, {@code F = S_ffn / L}. */
    LAYER_MEAN("variant-layer-mean") {
        @Override
        double[] parts(ModelView model) {
            int layers = model.layerCount();
            return new double[] {sumOverLayers(model, ModuleKind.ATTENTION, m -> sum(m, MatrixCapacity::capacity)) / layers,
                sumOverLayers(model, ModuleKind.FFN, m -> sum(m, MatrixCapacity::capacity)) / layers};
        }
    },
    /**
     * Logarithm of ZeroLM's sums: {@code A = ln S_attn}, {@code F = ln S_ffn}, a geometric balance
     * {@code S_attn^α · S_ffn^(1−α)} whose ranking does not change when either part is rescaled.
     */
    LOG_BALANCE("variant-log-balance") {
        @Override
        double[] parts(ModelView model) {
            return new double[] {
                Math.log(sumOverLayers(model, ModuleKind.ATTENTION, m -> sum(m, MatrixCapacity::capacity))),
                Math.log(sumOverLayers(model, ModuleKind.FFN, m -> sum(m, MatrixCapacity::capacity)))};
        }
    },
    /**
     * Log of scale-free capacity per layer, summed over layers: {@code A = Σ_l ln mean Ĉ(attn_l)},
     * {@code F = Σ_l ln mean Ĉ(ffn_l)}. Each layer multiplies the capacity (the log sums), and the
     * init scale drops out; {@code Ĉ > 1} for every non-trivial matrix, so depth adds to the score.
     */
    LOG_RELATIVE("variant-log-relative") {
        @Override
        double[] parts(ModelView model) {
            return new double[] {
                sumOverLayers(model, ModuleKind.ATTENTION, m -> Math.log(mean(m, MatrixCapacity::relativeCapacity))),
                sumOverLayers(model, ModuleKind.FFN, m -> Math.log(mean(m, MatrixCapacity::relativeCapacity)))};
        }
    };

    private final String label;

    VariantFormula(String label) {
        this.label = label;
    }

    /** The label by which the command line names it. */
    public String label() {
        return label;
    }

    /** {@code {A, F}} of the dense {@code model}. */
    abstract double[] parts(ModelView model);

    /** The variant labelled {@code label}, if any. */
    public static Optional<VariantFormula> byLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Every label. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(VariantFormula::label).toList();
    }

    private static double sumOverLayers(ModelView model, ModuleKind kind,
            ToDoubleFunction<ModelNorms.Matrices> perModule) {
        ModelNorms norms = ModelNorms.of(model);
        double total = 0;
        for (int l = 0; l < norms.layerCount(); l++) {
            total += perModule.applyAsDouble(norms.module(l, kind));
        }
        return total;
    }

    /** A statistic of one matrix from its squared norm and shape. */
    private interface MatrixStatistic {
        double of(double squaredNorm, int rows, int cols);
    }

    private static double sum(ModelNorms.Matrices module, MatrixStatistic statistic) {
        return IntStream.range(0, module.count())
                .mapToDouble(i -> statistic.of(module.squared()[i], module.rows()[i], module.cols()[i])).sum();
    }

    private static double mean(ModelNorms.Matrices module, MatrixStatistic statistic) {
        return module.count() == 0 ? 0.0 : sum(module, statistic) / module.count();
    }
}
