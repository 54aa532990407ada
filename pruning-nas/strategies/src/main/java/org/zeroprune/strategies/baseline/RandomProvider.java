package org.zeroprune.strategies.baseline;

import java.util.List;
import org.zeroprune.spi.Seeds;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * {@code random}: a score uniform in [0, 1) that is a pure function of the seed and the mask, so
 * it repeats, needs no state and is thread-safe. A SplitMix64 chain starts from
 * {@code Seeds.combine(seed option, context seed)} and absorbs, per layer, the size of the head
 * set, its words, the size of the neuron set and its words; the top 53 bits of the final state
 * are the score. The ranking it gives is the chance level any proxy must beat.
 */
public final class RandomProvider implements ScoringStrategyProvider {
    private static final String SEED = "seed";

    /** Needed by {@link java.util.ServiceLoader}. */
    public RandomProvider() {
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "Baseline: seeded uniform random score in [0, 1), a pure function of the seed and the mask";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.ofLong(SEED, 0, "seed of the scores, mixed with the job's seed"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        long optionSeed = options.getLong(SEED);
        return (model, context) -> {
            long seed = Seeds.combine(optionSeed, context.seed());
            return mask -> score(seed, mask);
        };
    }

    /** The score of {@code mask} under the combined {@code seed}. */
    static double score(long seed, PruningMask mask) {
        long h = seed;
        for (int l = 0; l < mask.layerCount(); l++) {
            h = absorb(h, mask.heads(l));
            h = absorb(h, mask.neurons(l));
        }
        return Seeds.unitInterval(Seeds.mix64(h));
    }

    private static long absorb(long h, UnitSet set) {
        // the size first, so that sets of different sizes with equal words differ
        h = Seeds.absorb(h, set.size());
        for (int i = 0; i < set.wordCount(); i++) {
            h = Seeds.absorb(h, set.word(i));
        }
        return h;
    }
}
