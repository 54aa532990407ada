package org.zeroprune.spi.sums;

import java.util.function.Predicate;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightView;

/**
 * One {@link KeptSum} per module of every layer of a model, over the weights a filter selects:
 * the kept-entry sums of a whole candidate, and what each unit alone carries.
 */
public final class ModelSums {
    private final KeptSum[] attention;
    private final KeptSum[] ffn;

    private ModelSums(KeptSum[] attention, KeptSum[] ffn) {
        this.attention = attention;
        this.ffn = ffn;
    }

    /**
     * Reads every selected weight of {@code model} once.
     *
     * @param model the model to read
     * @param measure what is summed per entry
     * @param include which weights are summed (for example: not the LayerNorm parameters)
     * @return the per-module sums
     * @throws org.zeroprune.spi.ScoringException if a weight's cut does not match its module
     */
    public static ModelSums of(ModelView model, EntryMeasure measure, Predicate<WeightView> include) {
        int layers = model.layerCount();
        KeptSum[] attention = new KeptSum[layers];
        KeptSum[] ffn = new KeptSum[layers];
        for (int l = 0; l < layers; l++) {
            LayerView layer = model.layer(l);
            attention[l] = sum(layer.attention(), measure, include);
            ffn[l] = sum(layer.ffn(), measure, include);
        }
        return new ModelSums(attention, ffn);
    }

    private static KeptSum sum(ModuleView module, EntryMeasure measure, Predicate<WeightView> include) {
        KeptSum.Builder builder = KeptSum.builder(module.unitCount(), measure);
        for (WeightView weight : module.weights()) {
            if (include.test(weight)) {
                builder.add(weight);
            }
        }
        return builder.build();
    }

    /** {@return the number of layers} */
    public int layerCount() {
        return attention.length;
    }

    /**
     * The sums of one module.
     *
     * @param layer a layer index
     * @param kind attention or FFN
     * @return that module's sums
     */
    public KeptSum module(int layer, ModuleKind kind) {
        return kind == ModuleKind.ATTENTION ? attention[layer] : ffn[layer];
    }

    /**
     * The sum over every entry the mask keeps, over all layers and both modules.
     *
     * @param mask a candidate over the prepared model
     * @return the kept sum
     * @throws IllegalArgumentException if the mask does not fit the model
     */
    public double sum(PruningMask mask) {
        checkLayers(mask);
        double s = 0.0;
        for (int l = 0; l < attention.length; l++) {
            s += attention[l].of(Masks.checked(mask.heads(l), attention[l].units(), l, "heads"));
            s += ffn[l].of(Masks.checked(mask.neurons(l), ffn[l].units(), l, "neurons"));
        }
        return s;
    }

    /**
     * Fails unless the mask has as many layers as the model.
     *
     * @param mask a candidate
     */
    public void checkLayers(PruningMask mask) {
        if (mask.layerCount() != attention.length) {
            throw new IllegalArgumentException("mask has " + mask.layerCount() + " layers, the prepared model has "
                    + attention.length);
        }
    }

    /**
     * Per unit, what removing that unit alone deletes ({@link KeptSum#unitMass}), times a weight
     * per module kind.
     *
     * @param attentionWeight the factor for attention heads
     * @param ffnWeight the factor for FFN neurons
     * @return per-unit masses
     */
    public UnitImportance unitMasses(double attentionWeight, double ffnWeight) {
        return importance(attentionWeight, ffnWeight, false);
    }

    /**
     * Per unit, its share of what the module's units can remove: {@code weight × unitMass(u) /
     * (dense − constant)}, 0 when nothing can be removed.
     *
     * @param attentionWeight the factor for attention heads
     * @param ffnWeight the factor for FFN neurons
     * @return per-unit shares
     */
    public UnitImportance unitShares(double attentionWeight, double ffnWeight) {
        return importance(attentionWeight, ffnWeight, true);
    }

    private UnitImportance importance(double attentionWeight, double ffnWeight, boolean share) {
        double[][] heads = new double[attention.length][];
        double[][] neurons = new double[attention.length][];
        for (int l = 0; l < attention.length; l++) {
            heads[l] = perUnit(attention[l], attentionWeight, share);
            neurons[l] = perUnit(ffn[l], ffnWeight, share);
        }
        return new UnitImportance(heads, neurons);
    }

    private static double[] perUnit(KeptSum sum, double weight, boolean share) {
        double[] out = new double[sum.units()];
        double removable = sum.dense() - sum.constant();
        for (int u = 0; u < out.length; u++) {
            double mass = sum.unitMass(u);
            out[u] = weight * (share ? (removable > 0 ? mass / removable : 0.0) : mass);
        }
        return out;
    }
}
