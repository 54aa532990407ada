package org.zeroprune.nas.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * The order in which a search keeps units, most important first, per layer: a layer keeping
 * {@code k} heads keeps the first {@code k} of its head order, and likewise for neurons. With it, a
 * candidate's masks are fully given by its per-layer counts, which is what makes
 * {@code output.masks = order} rankings small.
 *
 * @param heads {@code heads[layer]}: a permutation of the layer's head indices
 * @param neurons {@code neurons[layer]}: a permutation of the layer's neuron indices
 */
public record UnitOrder(int[][] heads, int[][] neurons) {

    /** Checks that both hold one permutation per layer. */
    public UnitOrder {
        if (heads.length != neurons.length) {
            throw new IllegalArgumentException("unit order covers " + heads.length + " layers of heads but "
                    + neurons.length + " of neurons");
        }
        for (int l = 0; l < heads.length; l++) {
            requirePermutation(heads[l], "heads", l);
            requirePermutation(neurons[l], "neurons", l);
        }
        heads = deepCopy(heads);
        neurons = deepCopy(neurons);
    }

    /** The mask that keeps the first {@code keptHeads[l]} heads and {@code keptNeurons[l]} neurons of every layer. */
    public PruningMask prefixMask(int[] keptHeads, int[] keptNeurons) {
        if (keptHeads.length != heads.length || keptNeurons.length != heads.length) {
            throw new IllegalArgumentException("counts for " + keptHeads.length + " and " + keptNeurons.length
                    + " layers; the unit order has " + heads.length);
        }
        List<UnitSet> h = new ArrayList<>(heads.length);
        List<UnitSet> n = new ArrayList<>(heads.length);
        for (int l = 0; l < heads.length; l++) {
            h.add(prefix(heads[l], keptHeads[l], "heads", l));
            n.add(prefix(neurons[l], keptNeurons[l], "neurons", l));
        }
        return PruningMask.of(h, n);
    }

    private static UnitSet prefix(int[] order, int count, String kind, int layer) {
        if (count < 0 || count > order.length) {
            throw new IllegalArgumentException("layer " + layer + " keeps " + count + " " + kind + "; it has "
                    + order.length);
        }
        return UnitSet.of(order.length, Arrays.copyOf(order, count));
    }

    private static void requirePermutation(int[] order, String kind, int layer) {
        boolean[] seen = new boolean[order.length];
        for (int unit : order) {
            if (unit < 0 || unit >= order.length || seen[unit]) {
                throw new IllegalArgumentException("the " + kind + " order of layer " + layer + " is not a permutation of 0.."
                        + (order.length - 1) + " (" + unit + " is out of range or repeated)");
            }
            seen[unit] = true;
        }
    }

    private static int[][] deepCopy(int[][] a) {
        return Arrays.stream(a).map(int[]::clone).toArray(int[][]::new);
    }
}
