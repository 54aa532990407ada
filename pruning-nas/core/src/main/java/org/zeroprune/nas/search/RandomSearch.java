package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.List;

/** Seeded random sampling of near-budget candidates (see {@link GenomeSampler}). */
public final class RandomSearch implements SearchStrategy {
    private static final int BATCH = 256;

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "seeded random near-budget candidates with varied per-layer shapes";
    }

    @Override
    public long plannedEvaluations(SearchConfig config) {
        return config.candidates();
    }

    @Override
    public void search(SearchContext context) {
        int wanted = context.config().candidates();
        int attempts = 0;
        // duplicates are scored once; stop when the space seems exhausted
        while (context.evaluator().evaluations() < wanted && attempts < 20 * wanted) {
            List<Genome> batch = new ArrayList<>(BATCH);
            int room = Math.min(BATCH, wanted - context.evaluator().evaluations());
            for (int i = 0; i < room; i++) {
                batch.add(context.sampler().sample(context.random()));
                attempts++;
            }
            context.evaluator().evaluate(batch);
        }
    }
}
