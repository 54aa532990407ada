package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One strategy across the run seeds it was scored on.
 *
 * @param strategy the strategy
 * @param seeds one outcome per seed, in run order
 */
public record StrategyOutcome(LineupEntry strategy, List<SeedOutcome> seeds) {

    /** Copies the list. */
    public StrategyOutcome {
        seeds = List.copyOf(seeds);
    }

    /** τ-b over all architectures, across seeds. */
    public Spread tauAll() {
        return spread(s -> s.all().kendallTau());
    }

    /** ρ over all architectures, across seeds. */
    public Spread rhoAll() {
        return spread(s -> s.all().spearmanRho());
    }

    /** τ-b over the held-out architectures, across seeds. */
    public Spread tauHeldOut() {
        return spread(s -> s.heldOut().kendallTau());
    }

    /** ρ over the held-out architectures, across seeds. */
    public Spread rhoHeldOut() {
        return spread(s -> s.heldOut().spearmanRho());
    }

    /** The selected α, across seeds (NaN when the strategy reports none). */
    public Spread alpha() {
        return spread(SeedOutcome::alpha);
    }

    /** Build plus score seconds, across seeds. */
    public Spread totalSeconds() {
        return spread(SeedOutcome::totalSeconds);
    }

    /** Score seconds alone, across seeds. */
    public Spread scoreSeconds() {
        return spread(SeedOutcome::scoreSeconds);
    }

    private Spread spread(ToDoubleFunction<SeedOutcome> value) {
        return Spread.of(seeds.stream().mapToDouble(value).toArray());
    }
}
