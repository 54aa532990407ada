package org.zeroprune.spi.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;

/**
 * Which heads and which FFN neurons of every layer a candidate keeps. Immutable.
 *
 * <p>A layer may keep no head or no neuron: the module then contributes only its output bias and
 * the residual connection.
 */
public final class PruningMask {
    private final UnitSet[] heads;
    private final UnitSet[] neurons;
    private final int hash;

    private PruningMask(UnitSet[] heads, UnitSet[] neurons) {
        this.heads = heads;
        this.neurons = neurons;
        this.hash = 31 * Arrays.hashCode(heads) + Arrays.hashCode(neurons);
    }

    /**
     * {@return a mask from per-layer sets}
     *
     * @param heads kept heads, one set per layer
     * @param neurons kept neurons, one set per layer
     */
    public static PruningMask of(List<UnitSet> heads, List<UnitSet> neurons) {
        if (heads.size() != neurons.size()) {
            throw new IllegalArgumentException(
                    "heads cover " + heads.size() + " layers but neurons cover " + neurons.size());
        }
        UnitSet[] h = heads.toArray(UnitSet[]::new);
        UnitSet[] n = neurons.toArray(UnitSet[]::new);
        for (int i = 0; i < h.length; i++) {
            Objects.requireNonNull(h[i], "heads of layer " + i);
            Objects.requireNonNull(n[i], "neurons of layer " + i);
        }
        return new PruningMask(h, n);
    }

    /**
     * {@return the mask that keeps everything of {@code model}}
     *
     * @param model the model whose units the mask covers
     */
    public static PruningMask dense(ModelView model) {
        List<UnitSet> heads = new ArrayList<>();
        List<UnitSet> neurons = new ArrayList<>();
        for (LayerView layer : model.layers()) {
            heads.add(UnitSet.all(layer.attention().unitCount()));
            neurons.add(UnitSet.all(layer.ffn().unitCount()));
        }
        return of(heads, neurons);
    }

    /** {@return number of layers} */
    public int layerCount() {
        return heads.length;
    }

    /**
     * {@return heads kept in layer {@code layer}}
     *
     * @param layer the layer's index
     */
    public UnitSet heads(int layer) {
        return heads[layer];
    }

    /**
     * {@return neurons kept in layer {@code layer}}
     *
     * @param layer the layer's index
     */
    public UnitSet neurons(int layer) {
        return neurons[layer];
    }

    /**
     * {@return this mask with layer {@code layer}'s heads replaced}
     *
     * @param layer the layer's index
     * @param kept the heads the layer keeps, of the same size
     */
    public PruningMask withHeads(int layer, UnitSet kept) {
        checkSameSize(heads[layer], kept, "heads", layer);
        UnitSet[] copy = heads.clone();
        copy[layer] = kept;
        return new PruningMask(copy, neurons);
    }

    /**
     * {@return this mask with layer {@code layer}'s neurons replaced}
     *
     * @param layer the layer's index
     * @param kept the neurons the layer keeps, of the same size
     */
    public PruningMask withNeurons(int layer, UnitSet kept) {
        checkSameSize(neurons[layer], kept, "neurons", layer);
        UnitSet[] copy = neurons.clone();
        copy[layer] = kept;
        return new PruningMask(heads, copy);
    }

    /** {@return total kept heads over all layers} */
    public int keptHeads() {
        int total = 0;
        for (UnitSet h : heads) {
            total += h.count();
        }
        return total;
    }

    /** {@return total kept neurons over all layers} */
    public int keptNeurons() {
        int total = 0;
        for (UnitSet n : neurons) {
            total += n.count();
        }
        return total;
    }

    /**
     * Checks that this mask fits {@code model}: same number of layers, and per layer the same
     * number of heads and neurons.
     *
     * @throws IllegalArgumentException naming the first layer that does not fit
     * @param model the model the mask is meant for
     */
    public void checkFits(ModelView model) {
        if (model.layerCount() != heads.length) {
            throw new IllegalArgumentException("mask has " + heads.length + " layers, model '" + model.name()
                    + "' has " + model.layerCount());
        }
        for (int i = 0; i < heads.length; i++) {
            LayerView layer = model.layer(i);
            if (layer.attention().unitCount() != heads[i].size() || layer.ffn().unitCount() != neurons[i].size()) {
                throw new IllegalArgumentException("layer " + i + ": mask covers " + heads[i].size() + " heads and "
                        + neurons[i].size() + " neurons, model has " + layer.attention().unitCount() + " and "
                        + layer.ffn().unitCount());
            }
        }
    }

    private static void checkSameSize(UnitSet old, UnitSet kept, String what, int layer) {
        if (old.size() != kept.size()) {
            throw new IllegalArgumentException("layer " + layer + " has " + old.size() + " " + what + ", got a set over "
                    + kept.size());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PruningMask other && other.hash == hash && Arrays.equals(other.heads, heads)
                && Arrays.equals(other.neurons, neurons);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PruningMask[");
        for (int i = 0; i < heads.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(i).append(": ").append(heads[i].count()).append('/').append(heads[i].size()).append("h ")
                    .append(neurons[i].count()).append('/').append(neurons[i].size()).append('n');
        }
        return sb.append(']').toString();
    }
}
