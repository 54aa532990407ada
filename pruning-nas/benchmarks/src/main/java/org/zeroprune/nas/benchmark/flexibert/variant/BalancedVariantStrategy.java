package org.zeroprune.nas.benchmark.flexibert.variant;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * A variant scorer: score = {@code α·A + (1 − α)·F} of the dense model, {@code (A, F)} from its
 * {@link VariantFormula}, α fitted by {@link AlphaGridFit} on the context's labelled samples (and
 * nothing else). The fit runs once per labelled-sample list (by identity) and is reused; make one
 * instance per run seed. Only the dense mask is scored: these formulas describe architectures, not
 * pruned candidates. Thread-safe.
 */
public final class BalancedVariantStrategy implements ScoringStrategy {
    private final VariantFormula formula;
    private List<LabelledSample> fittedOn;
    private double[] fit;

    /** A variant with the given formula. */
    public BalancedVariantStrategy(VariantFormula formula) {
        this.formula = formula;
    }

    @Override
    public CandidateScorer prepare(ModelView model, ScoringContext context) {
        double[] alphaAndTau = alpha(context.labelledSamples());
        double alpha = alphaAndTau[0];
        double[] parts = formula.parts(model);
        double score = alpha * parts[0] + (1 - alpha) * parts[1];
        PruningMask dense = PruningMask.dense(model);
        return new CandidateScorer() {
            @Override
            public double score(PruningMask mask) {
                if (!mask.equals(dense)) {
                    throw new ScoringException(formula.label() + " scores whole architectures only (the dense mask)");
                }
                return score;
            }

            @Override
            public Map<String, Object> details() {
                return Map.of("alpha", alpha, "selection-kendall-tau-b", alphaAndTau[1], "A", parts[0], "F", parts[1]);
            }
        };
    }

    private synchronized double[] alpha(List<LabelledSample> samples) {
        if (samples.isEmpty()) {
            throw new ScoringException(formula.label() + " needs labelled samples to pick α, and the context has none");
        }
        if (samples != fittedOn) {
            int n = samples.size();
            double[] attention = new double[n];
            double[] ffn = new double[n];
            double[] quality = new double[n];
            for (int i = 0; i < n; i++) {
                double[] parts = formula.parts(samples.get(i).model());
                attention[i] = parts[0];
                ffn[i] = parts[1];
                quality[i] = samples.get(i).quality();
            }
            fit = AlphaGridFit.fit(attention, ffn, quality);
            fittedOn = samples;
        }
        return fit;
    }

    @Override
    public Set<Capability> requirements() {
        return Set.of(Capability.LABELLED_SAMPLES);
    }
}
