package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.zeroprune.nas.ConfigException;

/**
 * Cheap statistics where they help, the expensive score where ranking matters. A cheap screening
 * strategy (weights only, {@code search.screening}) decides which units to drop inside each layer
 * (its per-unit importance orders the search space) and scores {@code search.candidates} near-budget
 * candidates; the best {@code search.shortlist} of them are then scored by the configured scoring
 * strategy, typically one that runs the model. The shortlist size is the budget of expensive
 * evaluations; the ranking holds the shortlisted candidates with their expensive scores.
 */
public final class HybridSearch implements SearchStrategy {
    private static final int BATCH = 1024;

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public String description() {
        return "screen many candidates with a cheap strategy, re-score a shortlist with the configured one";
    }

    @Override
    public long plannedEvaluations(SearchConfig config) {
        // the expensive evaluations; the screening counts its own
        return config.shortlist();
    }

    @Override
    public boolean screens() {
        return true;
    }

    @Override
    public void search(SearchContext context) {
        CandidateEvaluator screening = context.screening().orElseThrow(() -> new ConfigException(
                "search strategy hybrid needs search.screening, a cheap scoring strategy"));
        int wanted = context.config().candidates();
        int attempts = 0;
        while (screening.evaluations() < wanted && attempts < 20 * wanted) {
            List<Genome> batch = new ArrayList<>();
            int room = Math.min(BATCH, wanted - screening.evaluations());
            for (int i = 0; i < room; i++) {
                batch.add(context.sampler().sample(context.random()));
                attempts++;
            }
            screening.evaluate(batch);
        }
        List<Genome> shortlist = screening.all().stream()
                .sorted(Comparator.comparingDouble(ScoredCandidate::score).reversed().thenComparingInt(ScoredCandidate::id))
                .limit(context.config().shortlist()).map(ScoredCandidate::genome).toList();
        context.evaluator().evaluate(shortlist);
    }
}
