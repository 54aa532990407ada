package org.zeroprune.strategies.perturbation;

import java.util.Set;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;

/**
 * Expected squared norm of each FFN neuron's contribution to its module's output.
 *
 * <p>Neuron {@code j} adds {@code c_j = W_out[:, j] · GELU(u_j)}, {@code u_j = W_in[j, :] x + b_in[j]}.
 * With {@code x} modelled by {@link GaussianInput}, {@code u_j ~ N(μ_j, s_j²)} with
 * {@code μ_j = W_in[j, :] β + b_in[j]} and {@code s_j² = Σ_i W_in[j, i]² γ_i²}, so
 *
 * <pre>
 *   e_j = E‖c_j‖² = ‖W_out[:, j]‖² · E[GELU(u_j)²]
 * </pre>
 *
 * with the expectation from {@link GeluMoments}. Cost: {@code O(neurons·H)}.
 */
final class NeuronEnergies {
    private NeuronEnergies() {
    }

    /**
     * {@code e_j} for every neuron of a single-stage feed-forward module.
     *
     * @return one energy per neuron; none for a module without neurons
     * @throws org.zeroprune.spi.ScoringException if the module lacks an input or output projection
     *     cut by neurons, or has another matrix (a stacked FFN's hidden layers)
     */
    static double[] of(ModuleView ffn, GaussianInput input, String where) {
        int neurons = ffn.unitCount();
        int hidden = input.dimensions();
        if (neurons == 0) {
            return new double[0];
        }
        ModuleWeights weights = new ModuleWeights(ffn, where);
        weights.requireOnly(Set.of(WeightRole.FFN_INPUT, WeightRole.FFN_OUTPUT));
        UnitCut neuron = UnitCut.of(1);
        float[] in = weights.matrix(WeightRole.FFN_INPUT, neurons, hidden, neuron, UnitCut.NONE);
        float[] inBias = weights.biasOrZero(WeightRole.FFN_INPUT, neurons);
        float[] out = weights.matrix(WeightRole.FFN_OUTPUT, hidden, neurons, UnitCut.NONE, neuron);
        double[] outNorms = new double[neurons];
        for (int k = 0; k < hidden; k++) {
            int row = k * neurons;
            for (int j = 0; j < neurons; j++) {
                double w = out[row + j];
                outNorms[j] += w * w;
            }
        }
        double[] energies = new double[neurons];
        for (int j = 0; j < neurons; j++) {
            int row = j * hidden;
            double mean = inBias[j];
            double variance = 0.0;
            for (int i = 0; i < hidden; i++) {
                double w = in[row + i];
                mean += w * input.mean()[i];
                variance += w * w * input.std()[i] * input.std()[i];
            }
            energies[j] = outNorms[j] * GeluMoments.secondMoment(mean, Math.sqrt(variance));
        }
        return energies;
    }
}
