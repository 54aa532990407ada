package org.zeroprune.plugin.zerolm;

import java.util.Set;
import org.zeroprune.spi.Seeds;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.model.ModelView;

/**
 * ZeroLM configured by its options. {@link #prepare} builds the capacity table of the model,
 * selects α (memoised across calls, see {@link SelectionMemo}) and returns a {@link ZeroLmScorer}.
 * Thread-safe.
 */
final class ZeroLmStrategy implements ScoringStrategy {
    private final ZeroLmSettings settings;
    private final SelectionMemo memo = new SelectionMemo();

    ZeroLmStrategy(ZeroLmSettings settings) {
        this.settings = settings;
    }

    @Override
    public CandidateScorer prepare(ModelView model, ScoringContext context) {
        // fail on a missing input before reading any weight
        Object source = switch (settings.selection()) {
            case FIXED -> null;
            case BENCHMARK_SAMPLING -> AlphaSelector.requireSamples(context);
            case SELF_PARAMETER_CORRELATION -> AlphaSelector.requireSampler(context);
        };
        CapacityTable table = CapacityTables.build(model, settings.statistic(), settings.cacheSize());
        AlphaChoice choice;
        if (source == null) {
            choice = AlphaChoice.fixed(settings.alpha());
        } else {
            long seed = Seeds.combine(settings.seed(), context.seed());
            AlphaSelector selector = new AlphaSelector(settings,
                    new SampleCapacities(model, table, settings.statistic()), context);
            choice = memo.get(source, seed, () -> selector.select(seed));
        }
        return new ZeroLmScorer(model, table, choice, settings);
    }

    @Override
    public Set<Capability> requirements() {
        return settings.selection().requirement().map(Set::of).orElse(Set.of());
    }
}
