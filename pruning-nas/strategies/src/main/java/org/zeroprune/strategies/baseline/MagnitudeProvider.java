package org.zeroprune.strategies.baseline;

import java.util.List;
import java.util.Optional;
import org.zeroprune.spi.sums.EntryMeasure;
import org.zeroprune.spi.sums.ModelSums;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * {@code magnitude}: score = {@code Σ|w|} over every weight entry the candidate keeps, over all
 * matrices and biases of both modules of every layer; LayerNorm parameters ({@link
 * WeightRole#NORM_WEIGHT}, {@link WeightRole#NORM_BIAS}) are left out because no mask removes
 * them. Per-unit sums are computed once in {@code prepare}; a unit's importance is the {@code Σ|w|}
 * that removing it alone deletes. No options.
 */
public final class MagnitudeProvider implements ScoringStrategyProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public MagnitudeProvider() {
    }

    @Override
    public String name() {
        return "magnitude";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "Baseline: sum of |w| over the weights and biases the candidate keeps (LayerNorms excluded)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        return (model, context) -> new Scorer(ModelSums.of(model, EntryMeasure.ABS, MagnitudeProvider::counts));
    }

    private static boolean counts(WeightView weight) {
        return weight.role() != WeightRole.NORM_WEIGHT && weight.role() != WeightRole.NORM_BIAS;
    }

    private static final class Scorer implements CandidateScorer {
        private final ModelSums sums;
        private final UnitImportance importance;

        Scorer(ModelSums sums) {
            this.sums = sums;
            this.importance = sums.unitMasses(1.0, 1.0);
        }

        @Override
        public double score(PruningMask mask) {
            return sums.sum(mask);
        }

        @Override
        public Optional<UnitImportance> unitImportance() {
            return Optional.of(importance);
        }
    }
}
