package org.zeroprune.strategies.perturbation;

import java.util.Arrays;
import org.zeroprune.spi.sums.Masks;
import org.zeroprune.spi.sums.UnitSums;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * Every unit's expected output energy relative to the residual stream it is added to, weighted by
 * how much of it reaches the encoder's output, and the sum over the units a mask removes.
 *
 * <p>For a head or neuron {@code u} of module {@code m} with input {@code x_m}:
 * {@code ê_u = w_m · e_u / E‖x_m‖²}, with {@code e_u} from {@link HeadEnergies} or
 * {@link NeuronEnergies} and {@code E‖x_m‖² = Σ β² + γ²} from the module's {@link GaussianInput}
 * (the residual connection adds the module output to {@code x_m}, and the LayerNorm after it
 * rescales the sum, so what matters is a change relative to {@code x_m}).
 *
 * <p>The depth weight {@code w_m} (with {@code dilution}; else 1) is the share of a relative
 * perturbation at module {@code m} that survives the modules after it:
 * {@code w_m = Π_{m' after m} E‖x_m'‖² / (E‖x_m'‖² + A_m')}, {@code A_m' = Σ_{u ∈ m'} e_u}. Each
 * later module adds, under the same independence assumptions, {@code A_m'} to the stream's energy
 * before its LayerNorm scales the stream back, which shrinks an earlier perturbation's share by
 * that ratio; how later modules transform the perturbation itself is not modelled.
 *
 * <p>The removed energy of a mask is {@code Σ_m Σ_{u ∈ m removed} ê_u}: cross terms between
 * removed units are left out, so it is additive over units. A candidate costs one pass over each
 * unit set's 64-bit words. Immutable.
 */
final class RemovedEnergy {
    private final double[][] heads;
    private final double[][] neurons;
    private final UnitSums[] headSums;
    private final UnitSums[] neuronSums;
    private final double[] depthWeights;

    private RemovedEnergy(double[][] heads, double[][] neurons, double[] depthWeights) {
        this.heads = heads;
        this.neurons = neurons;
        this.depthWeights = depthWeights;
        headSums = new UnitSums[heads.length];
        neuronSums = new UnitSums[heads.length];
        for (int l = 0; l < heads.length; l++) {
            headSums[l] = new UnitSums(heads[l]);
            neuronSums[l] = new UnitSums(neurons[l]);
        }
    }

    /**
     * Computes every unit's relative energy.
     *
     * @param rho the attended variance of {@link HeadEnergies}
     * @param dilution whether to apply the depth weights {@code w_m}
     * @throws org.zeroprune.spi.ScoringException if a module is not BERT self-attention or a
     *     single-stage feed-forward
     */
    static RemovedEnergy of(ModelView model, ModuleInputs inputs, double rho, boolean dilution) {
        int layers = model.layerCount();
        // modules in encoder order: attention 0, FFN 0, attention 1, ...
        double[][] energies = new double[2 * layers][];
        double[] residual = new double[2 * layers];
        for (int l = 0; l < layers; l++) {
            residual[2 * l] = inputs.attention(l).energy();
            residual[2 * l + 1] = inputs.ffn(l).energy();
            energies[2 * l] = HeadEnergies.of(model.layer(l).attention(), inputs.attention(l), rho,
                    "layer " + l + " attention");
            energies[2 * l + 1] = NeuronEnergies.of(model.layer(l).ffn(), inputs.ffn(l), "layer " + l + " ffn");
        }
        double[] weights = new double[2 * layers];
        double surviving = 1.0;
        for (int m = 2 * layers - 1; m >= 0; m--) {
            weights[m] = dilution ? surviving : 1.0;
            double added = Arrays.stream(energies[m]).sum();
            surviving *= residual[m] + added > 0 ? residual[m] / (residual[m] + added) : 1.0;
        }
        double[][] heads = new double[layers][];
        double[][] neurons = new double[layers][];
        for (int l = 0; l < layers; l++) {
            heads[l] = scaled(energies[2 * l], weights[2 * l], residual[2 * l]);
            neurons[l] = scaled(energies[2 * l + 1], weights[2 * l + 1], residual[2 * l + 1]);
        }
        return new RemovedEnergy(heads, neurons, weights);
    }

    private static double[] scaled(double[] energies, double weight, double residual) {
        double[] out = energies.clone();
        // a residual stream with no energy at all cannot be perturbed relative to anything
        double scale = residual > 0 ? weight / residual : 0.0;
        for (int u = 0; u < out.length; u++) {
            out[u] *= scale;
        }
        return out;
    }

    /**
     * {@code Σ ê_u} over the heads and neurons {@code mask} removes.
     *
     * @throws IllegalArgumentException if the mask does not fit the model
     */
    double removed(PruningMask mask) {
        if (mask.layerCount() != heads.length) {
            throw new IllegalArgumentException("mask has " + mask.layerCount() + " layers, the prepared model has "
                    + heads.length);
        }
        double removed = 0.0;
        for (int l = 0; l < heads.length; l++) {
            UnitSums h = headSums[l];
            UnitSums n = neuronSums[l];
            removed += h.total() - h.sum(Masks.checked(mask.heads(l), h.size(), l, "heads"));
            removed += n.total() - n.sum(Masks.checked(mask.neurons(l), n.size(), l, "neurons"));
        }
        return removed;
    }

    /** {@code ê_u} of every unit, a fresh copy: removing the unit alone lowers the score by this. */
    UnitImportance importance() {
        return new UnitImportance(deepCopy(heads), deepCopy(neurons));
    }

    /** {@code Σ ê_u} over all heads of all layers: the removed energy of a mask that keeps no head. */
    double totalHeads() {
        double s = 0.0;
        for (UnitSums h : headSums) {
            s += h.total();
        }
        return s;
    }

    /** {@code Σ ê_u} over all neurons of all layers: the removed energy of a mask that keeps no neuron. */
    double totalNeurons() {
        double s = 0.0;
        for (UnitSums n : neuronSums) {
            s += n.total();
        }
        return s;
    }

    /** The depth weight {@code w_m} of every module: attention of layer 0, FFN of layer 0, attention of layer 1, … */
    double[] depthWeights() {
        return depthWeights.clone();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
