package org.zeroprune.strategies.perturbation;

import java.util.List;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;

/**
 * {@code perturbation}: the analytic expected output perturbation of removing heads and neurons,
 * from the weights and LayerNorm parameters alone (no forward pass, no data).
 *
 * <p>Definition. Each module's normalised input is modelled as {@code x ~ N(β, diag(γ²))}, with
 * {@code γ, β} the preceding LayerNorm's scale and shift ({@link ModuleInputs},
 * {@link GaussianInput}). A head's expected output energy is
 * {@code e_h = ‖W_O,h (W_V,h β + b_V,h)‖² + ρ·‖W_O,h W_V,h diag(γ)‖²_F} ({@link HeadEnergies};
 * {@code ρ} is the option {@code attended-variance}), a neuron's
 * {@code e_j = ‖W_out[:, j]‖²·E[GELU(u_j)²]} with {@code u_j ~ N(W_in[j]·β + b_in[j],
 * Σ_i W_in[j,i]² γ_i²)} ({@link NeuronEnergies}). Each is divided by the expected energy of the
 * residual stream it is added to, {@code E‖x_m‖² = Σ β² + γ²}, and weighted by the share
 * {@code w_m} of a perturbation at module {@code m} that survives the later modules
 * ({@code dilution}, default on: {@code w_m = Π_{m' after m} E‖x_m'‖²/(E‖x_m'‖² + Σ_{u∈m'} e_u)},
 * see {@link RemovedEnergy}); {@code score = −Σ_m w_m Σ_{u ∈ m removed} e_u / E‖x_m‖²} (0 for the
 * dense model; higher is better).
 *
 * <p>Measured on the embedded MiniLM (80 random equal-MACs candidates per budget, fidelity on the
 * corpus's evaluation part): Kendall τ-b 0.65 (50% MACs) and 0.63 (70%) with the defaults, 0.16
 * without {@code dilution}; {@code attended-variance} 0.5 or 0.25 ranked worse than 1.
 *
 * <p>Cost: {@code prepare} reads every value, output, FFN input and FFN output weight once,
 * {@code O(L·(heads·d²·H + neurons·H))}; a candidate costs {@code O(L·(head words + neuron words))}
 * and touches no weight. Assumes BERT's post-LayerNorm layout and the exact GELU; fails with a
 * clear message on modules of other kinds.
 */
public final class PerturbationProvider implements ScoringStrategyProvider {
    static final String ATTENDED_VARIANCE = "attended-variance";
    static final String DILUTION = "dilution";

    /** Needed by {@link java.util.ServiceLoader}. */
    public PerturbationProvider() {
    }

    @Override
    public String name() {
        return "perturbation";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "Data-free, weight-only: minus the expected output energy of the removed heads and neurons (Gaussian "
                + "input from the LayerNorms), relative to the residual stream";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.ofDouble(ATTENDED_VARIANCE, 1.0,
                "rho = sum of squared attention weights, in [0, 1]: how much of the input variance a head's attended "
                        + "average keeps (1: one token attended, 1/T: uniform attention)"),
                OptionSpec.ofBoolean(DILUTION, true,
                        "weight each module by the share of its perturbation that survives the energy later modules add"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        options.requireRange(ATTENDED_VARIANCE, 0.0, 1.0);
        double rho = options.getDouble(ATTENDED_VARIANCE);
        boolean dilution = options.getBoolean(DILUTION);
        return (model, context) -> {
            ModuleInputs inputs = ModuleInputs.of(model);
            return new PerturbationScorer(RemovedEnergy.of(model, inputs, rho, dilution), rho, dilution,
                    inputs.assumedStandard());
        };
    }
}
