package org.zeroprune.strategies.fisher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zeroprune.spi.Seeds;
import org.zeroprune.spi.sums.UnitSums;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * {@code fisher}, after Kwon et al., "A Fast Post-Training Pruning Framework for Transformers"
 * (NeurIPS 2022): the importance of a head or neuron is the diagonal Fisher information of its
 * mask variable, {@code I_u = Σ_sequences (∂L/∂m_u)²} at the dense model, over the calibration
 * sentences; the loss increase of removing a set of units is approximated by
 * {@code ½ Σ_{u removed} I_u}, so the score is {@code −½ Σ_{u removed} I_u} (higher is better).
 *
 * <p>No labels ship with zeroprune, so the loss is that of a Gaussian model of the sentence
 * embedding with targets sampled from it ({@link MaskedForward#maskFisher}); the plain distance to
 * the dense embedding would have zero gradient at the dense model. Data-driven: it needs the
 * calibration part of a corpus, and a forward pass with gradients.
 */
public final class FisherProvider implements ScoringStrategyProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public FisherProvider() {
    }

    @Override
    public String name() {
        return "fisher";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "Data-driven reference (Kwon et al. 2022): Fisher information of head and neuron masks on calibration"
                + " text; score = -1/2 * sum over removed units";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.ofInt("probes", 2, "sampled Gaussian targets per sentence (more lowers the variance)"),
                OptionSpec.ofInt("max-sentences", 400, "calibration sentences used at most (the first ones)"),
                OptionSpec.ofLong("seed", 0, "seed of the sampled targets, mixed with the job's seed"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        options.requireRange("probes", 1, 64);
        options.requireRange("max-sentences", 1, 1_000_000);
        int probes = options.getInt("probes");
        int maxSentences = options.getInt("max-sentences");
        long seed = options.getLong("seed");
        return new ScoringStrategy() {
            @Override
            public CandidateScorer prepare(ModelView model, ScoringContext context) {
                MaskedForward forward = context.forward().orElseThrow(() -> new ScoringException(
                        "fisher needs a forward pass of the model, which this run does not offer"));
                CalibrationText text = context.calibration().orElseThrow(() -> new ScoringException(
                        "fisher is data-driven and needs calibration text (scoring.corpus: builtin or a file)"));
                int[][] ids = text.tokenIds();
                int[][] used = Arrays.copyOf(ids, Math.min(ids.length, maxSentences));
                MaskFisher fisher = forward.maskFisher(used, probes, Seeds.combine(seed, context.seed()));
                return new Scorer(fisher);
            }

            @Override
            public Set<Capability> requirements() {
                return Set.of(Capability.FORWARD_PASS, Capability.CALIBRATION_TEXT);
            }
        };
    }

    private static final class Scorer implements CandidateScorer {
        private final UnitSums[] heads;
        private final UnitSums[] neurons;
        private final MaskFisher fisher;

        Scorer(MaskFisher fisher) {
            this.fisher = fisher;
            int layers = fisher.heads().length;
            heads = new UnitSums[layers];
            neurons = new UnitSums[layers];
            for (int l = 0; l < layers; l++) {
                heads[l] = new UnitSums(fisher.heads()[l]);
                neurons[l] = new UnitSums(fisher.neurons()[l]);
            }
        }

        @Override
        public double score(PruningMask mask) {
            double removed = 0;
            for (int l = 0; l < heads.length; l++) {
                removed += heads[l].total() - heads[l].sum(mask.heads(l));
                removed += neurons[l].total() - neurons[l].sum(mask.neurons(l));
            }
            return 0.0 - 0.5 * removed; // +0.0, not -0.0, for the dense model
        }

        @Override
        public Optional<UnitImportance> unitImportance() {
            return Optional.of(new UnitImportance(fisher.heads(), fisher.neurons()));
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("sequences", fisher.sequences());
        }
    }
}
