package org.zeroprune.strategies.perturbation;

import org.apache.commons.math3.special.Erf;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * The {@code perturbation} score straight from its definition, without the fast path: each head's
 * {@code M_h = W_O[:, R_h] W_V[R_h, :]} is materialised as an {@code H × H} matrix, {@code E[GELU²]}
 * comes from a fine trapezoid rule instead of Gauss–Hermite, and the removed units are summed one
 * by one.
 */
final class PerturbationDefinition {
    private PerturbationDefinition() {
    }

    /**
     * Every unit's energy {@code e_u} and every module's input energy {@code E‖x_m‖²}, modules in
     * encoder order (attention 0, FFN 0, attention 1, ...).
     */
    record Energies(double[][] units, double[] residual) {

        /** The score of {@code mask}: minus the weighted relative energy of the removed units. */
        double score(PruningMask mask, boolean dilution) {
            int modules = units.length;
            double removed = 0;
            for (int m = 0; m < modules; m++) {
                double weight = 1;
                if (dilution) {
                    for (int later = m + 1; later < modules; later++) {
                        double added = 0;
                        for (double e : units[later]) {
                            added += e;
                        }
                        weight *= residual[later] / (residual[later] + added);
                    }
                }
                int layer = m / 2;
                for (int u = 0; u < units[m].length; u++) {
                    boolean kept = m % 2 == 0 ? mask.heads(layer).contains(u) : mask.neurons(layer).contains(u);
                    if (!kept) {
                        removed += weight * units[m][u] / residual[m];
                    }
                }
            }
            return -removed;
        }
    }

    /** The energies of {@code model}'s units under attended variance {@code rho}. */
    static Energies energies(ModelView model, double rho) {
        int layers = model.layerCount();
        double[][] units = new double[2 * layers][];
        double[] residual = new double[2 * layers];
        for (int l = 0; l < layers; l++) {
            double[][] attentionInput = l == 0 ? embeddingNorm(model) : norm(model.layer(l - 1).ffn());
            double[][] ffnInput = norm(model.layer(l).attention());
            residual[2 * l] = energy(attentionInput);
            residual[2 * l + 1] = energy(ffnInput);
            units[2 * l] = heads(model.layer(l).attention(), attentionInput, rho);
            units[2 * l + 1] = neurons(model.layer(l).ffn(), ffnInput);
        }
        return new Energies(units, residual);
    }

    static double[] heads(ModuleView attention, double[][] input, double rho) {
        WeightView v = matrix(attention, WeightRole.VALUE);
        WeightView o = matrix(attention, WeightRole.ATTENTION_OUTPUT);
        WeightView vb = bias(attention, WeightRole.VALUE);
        int heads = attention.unitCount();
        int d = v.rows() / heads;
        int hidden = o.rows();
        double[] out = new double[heads];
        for (int h = 0; h < heads; h++) {
            double[][] m = new double[hidden][hidden];
            double[] b = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                for (int a = h * d; a < (h + 1) * d; a++) {
                    b[k] += o.get(k, a) * vb.get(a, 0);
                    for (int i = 0; i < hidden; i++) {
                        m[k][i] += o.get(k, a) * v.get(a, i);
                    }
                }
            }
            double e = 0;
            for (int k = 0; k < hidden; k++) {
                double mean = b[k];
                double variance = 0;
                for (int i = 0; i < hidden; i++) {
                    mean += m[k][i] * input[0][i];
                    variance += m[k][i] * m[k][i] * input[1][i] * input[1][i];
                }
                e += mean * mean + rho * variance;
            }
            out[h] = e;
        }
        return out;
    }

    static double[] neurons(ModuleView ffn, double[][] input) {
        WeightView in = matrix(ffn, WeightRole.FFN_INPUT);
        WeightView inBias = bias(ffn, WeightRole.FFN_INPUT);
        WeightView out = matrix(ffn, WeightRole.FFN_OUTPUT);
        double[] e = new double[ffn.unitCount()];
        for (int j = 0; j < e.length; j++) {
            double mean = inBias.get(j, 0);
            double variance = 0;
            for (int i = 0; i < in.cols(); i++) {
                mean += in.get(j, i) * input[0][i];
                variance += in.get(j, i) * in.get(j, i) * input[1][i] * input[1][i];
            }
            double column = 0;
            for (int k = 0; k < out.rows(); k++) {
                column += out.get(k, j) * out.get(k, j);
            }
            e[j] = column * geluSquaredByTrapezoid(mean, Math.sqrt(variance));
        }
        return e;
    }

    /** {@code ∫ GELU(μ + s z)² φ(z) dz} over z in [−40, 40] by the trapezoid rule with 80,001 points. */
    static double geluSquaredByTrapezoid(double mean, double std) {
        int n = 80_000;
        double lo = -40;
        double step = 80.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * step;
            double u = mean + std * z;
            double g = 0.5 * u * (1 + Erf.erf(u / Math.sqrt(2)));
            double f = g * g * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            sum += (i == 0 || i == n ? 0.5 : 1.0) * f;
        }
        return sum * step;
    }

    /** {mean β, std |γ|} of the embeddings' LayerNorm, or the standard normal when the model has none. */
    private static double[][] embeddingNorm(ModelView model) {
        var gamma = model.extraWeight("embeddings.LayerNorm.weight");
        var beta = model.extraWeight("embeddings.LayerNorm.bias");
        int hidden = model.hiddenSize();
        if (gamma.isEmpty() || beta.isEmpty()) {
            double[] ones = new double[hidden];
            java.util.Arrays.fill(ones, 1.0);
            return new double[][] {new double[hidden], ones};
        }
        return new double[][] {values(beta.get(), false), values(gamma.get(), true)};
    }

    private static double[][] norm(ModuleView module) {
        return new double[][] {values(module.weight(WeightRole.NORM_BIAS).orElseThrow(), false),
            values(module.weight(WeightRole.NORM_WEIGHT).orElseThrow(), true)};
    }

    private static double energy(double[][] input) {
        double e = 0;
        for (int i = 0; i < input[0].length; i++) {
            e += input[0][i] * input[0][i] + input[1][i] * input[1][i];
        }
        return e;
    }

    private static double[] values(WeightView w, boolean abs) {
        double[] out = new double[w.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = abs ? Math.abs(w.get(i, 0)) : w.get(i, 0);
        }
        return out;
    }

    private static WeightView matrix(ModuleView m, WeightRole role) {
        return m.matrices().stream().filter(w -> w.role() == role).findFirst().orElseThrow();
    }

    private static WeightView bias(ModuleView m, WeightRole role) {
        return m.weights().stream().filter(w -> w.role() == role && w.isBias()).findFirst().orElseThrow();
    }
}
