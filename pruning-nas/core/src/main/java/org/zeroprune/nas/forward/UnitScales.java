package org.zeroprune.nas.forward;

import java.util.Arrays;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Real-valued multiplicative masks: per layer one factor per head (it scales the head's context
 * before the attention output projection) and one per FFN neuron (it scales the neuron's
 * activation). A {@link PruningMask} is the 0/1 case; other values serve gradients and finite
 * differences. Immutable.
 */
public final class UnitScales {
    private final float[][] heads;
    private final float[][] neurons;

    private UnitScales(float[][] heads, float[][] neurons) {
        this.heads = heads;
        this.neurons = neurons;
    }

    /** All factors 1 for a model of this configuration: the unmasked model. */
    public static UnitScales ones(BertConfig config) {
        float[][] h = new float[config.layers()][];
        float[][] n = new float[config.layers()][];
        for (int l = 0; l < h.length; l++) {
            h[l] = filled(config.headsInLayer(l), 1);
            n[l] = filled(config.ffnWidth(l), 1);
        }
        return new UnitScales(h, n);
    }

    /** 1 for kept units, 0 for removed ones. */
    public static UnitScales of(PruningMask mask) {
        float[][] h = new float[mask.layerCount()][];
        float[][] n = new float[mask.layerCount()][];
        for (int l = 0; l < h.length; l++) {
            h[l] = new float[mask.heads(l).size()];
            n[l] = new float[mask.neurons(l).size()];
            float[] hl = h[l];
            float[] nl = n[l];
            mask.heads(l).forEach(u -> hl[u] = 1);
            mask.neurons(l).forEach(u -> nl[u] = 1);
        }
        return new UnitScales(h, n);
    }

    /** Number of layers. */
    public int layerCount() {
        return heads.length;
    }

    /** The head factors of {@code layer} (a copy). */
    public float[] heads(int layer) {
        return heads[layer].clone();
    }

    /** The neuron factors of {@code layer} (a copy). */
    public float[] neurons(int layer) {
        return neurons[layer].clone();
    }

    /** These factors with head {@code head} of {@code layer} set to {@code value}. */
    public UnitScales withHead(int layer, int head, float value) {
        float[][] h = deepCopy(heads);
        h[layer][head] = value;
        return new UnitScales(h, neurons);
    }

    /** These factors with neuron {@code neuron} of {@code layer} set to {@code value}. */
    public UnitScales withNeuron(int layer, int neuron, float value) {
        float[][] n = deepCopy(neurons);
        n[layer][neuron] = value;
        return new UnitScales(heads, n);
    }

    private static float[] filled(int size, float value) {
        float[] a = new float[size];
        Arrays.fill(a, value);
        return a;
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] copy = a.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "UnitScales" + Arrays.deepToString(heads) + " / " + neurons.length + " FFN layers";
    }
}
