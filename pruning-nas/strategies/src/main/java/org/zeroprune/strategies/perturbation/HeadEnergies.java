package org.zeroprune.strategies.perturbation;

import java.util.Set;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;

/**
 * Expected squared norm of each head's contribution to its attention module's output.
 *
 * <p>Head {@code h} (rows {@code R_h} of the value projection, the same columns of the output
 * projection) adds {@code c_h = W_O[:, R_h] (W_V[R_h, :] x̄ + b_V[R_h])} to the module output, where
 * {@code x̄ = Σ_t a_t x_t} is the attention-weighted average of the normalised inputs. With the
 * inputs modelled by {@link GaussianInput} ({@code x_t ~ N(β, diag(γ²))}, independent over tokens),
 * {@code x̄ ~ N(β, ρ·diag(γ²))} with {@code ρ = Σ_t a_t²} ∈ [1/T, 1] (1 when the head attends to a
 * single token), so
 *
 * <pre>
 *   e_h = E‖c_h‖² = m_hᵀ G_O m_h + ρ · Σ_ab G_O[a,b] · G_V[a,b]
 *   m_h = W_V[R_h, :] β + b_V[R_h]              (the head's mean value)
 *   G_O = W_O[:, R_h]ᵀ W_O[:, R_h]               (d × d)
 *   G_V = W_V[R_h, :] diag(γ²) W_V[R_h, :]ᵀ       (d × d)
 * </pre>
 *
 * i.e. {@code ‖W_O,h m_h‖² + ρ ‖W_O,h W_V,h diag(γ)‖²_F}. Queries and keys do not enter: they
 * decide the attention weights, which the model summarises by {@code ρ}. Cost: {@code O(heads·d²·H)}.
 */
final class HeadEnergies {
    private HeadEnergies() {
    }

    /**
     * {@code e_h} for every head of a self-attention module.
     *
     * @param rho {@code ρ}, the attended variance
     * @return one energy per head; none for a module without heads
     * @throws org.zeroprune.spi.ScoringException if the module lacks a value or output projection
     *     cut by heads, or has a matrix other than the query, key, value and output projections
     */
    static double[] of(ModuleView attention, GaussianInput input, double rho, String where) {
        int heads = attention.unitCount();
        int hidden = input.dimensions();
        if (heads == 0) {
            return new double[0];
        }
        ModuleWeights weights = new ModuleWeights(attention, where);
        weights.requireOnly(Set.of(WeightRole.QUERY, WeightRole.KEY, WeightRole.VALUE, WeightRole.ATTENTION_OUTPUT));
        int width = attention.matrices().stream().filter(m -> m.role() == WeightRole.VALUE).findFirst()
                .map(m -> m.rows()).orElse(0);
        int d = width / heads;
        UnitCut head = UnitCut.of(Math.max(d, 1));
        float[] value = weights.matrix(WeightRole.VALUE, heads * d, hidden, head, UnitCut.NONE);
        float[] valueBias = weights.biasOrZero(WeightRole.VALUE, heads * d);
        float[] output = weights.matrix(WeightRole.ATTENTION_OUTPUT, hidden, heads * d, UnitCut.NONE, head);
        double[] energies = new double[heads];
        for (int h = 0; h < heads; h++) {
            energies[h] = energy(h * d, d, hidden, value, valueBias, output, input, rho);
        }
        return energies;
    }

    private static double energy(int first, int d, int hidden, float[] value, float[] valueBias, float[] output,
            GaussianInput input, double rho) {
        int width = output.length / hidden;
        double[] mean = new double[d];
        double[][] gv = new double[d][d];
        double[] gamma2 = new double[hidden];
        for (int i = 0; i < hidden; i++) {
            gamma2[i] = input.std()[i] * input.std()[i];
        }
        for (int a = 0; a < d; a++) {
            int rowA = (first + a) * hidden;
            double m = valueBias[first + a];
            for (int i = 0; i < hidden; i++) {
                m += value[rowA + i] * input.mean()[i];
            }
            mean[a] = m;
            for (int b = 0; b <= a; b++) {
                int rowB = (first + b) * hidden;
                double s = 0.0;
                for (int i = 0; i < hidden; i++) {
                    s += value[rowA + i] * gamma2[i] * value[rowB + i];
                }
                gv[a][b] = s;
                gv[b][a] = s;
            }
        }
        double[][] go = new double[d][d];
        for (int k = 0; k < hidden; k++) {
            int row = k * width + first;
            for (int a = 0; a < d; a++) {
                double oa = output[row + a];
                for (int b = 0; b <= a; b++) {
                    go[a][b] += oa * output[row + b];
                }
            }
        }
        double meanPart = 0.0;
        double variancePart = 0.0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double g = a >= b ? go[a][b] : go[b][a];
                meanPart += mean[a] * g * mean[b];
                variancePart += g * gv[a][b];
            }
        }
        return meanPart + rho * variancePart;
    }
}
