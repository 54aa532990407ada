package org.zeroprune.nas.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.CandidateEvaluator;
import org.zeroprune.nas.search.GenomeSampler;
import org.zeroprune.nas.search.ScoredCandidate;
import org.zeroprune.nas.search.SearchContext;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;

/** The search step of a prune run: runs the search strategy and ranks what fits the budget, best first. */
final class PruneSearch {
    private final PruneConfig config;
    private final ProgressListener progress;

    PruneSearch(PruneConfig config, ProgressListener progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Candidates within the budget, by score (descending), ties by id. */
    List<ScoredCandidate> run(SearchStrategy search, SearchSpace space, Budget budget, ViewCostModel costs,
            PreparedStrategy scorer, Optional<PreparedStrategy> screening) {
        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        // a screened search scores only its shortlist in full
        long total = screening.isPresent() ? Math.min(config.search().shortlist(), config.search().candidates())
                : search.plannedEvaluations(config.search());
        try (ProgressTask screenTask = screening.isPresent() ? progress.start("Screening (" + screening.get().name() + ")",
                        config.search().candidates()) : ProgressListener.NONE.start("", 0);
                CandidateEvaluator screener = screening.map(s -> new CandidateEvaluator(space, budget, costs, s, threads,
                        screenTask)).orElse(null);
                ProgressTask task = progress.start("Searching (" + search.name() + ", " + scorer.name() + ")", total);
                CandidateEvaluator evaluator = new CandidateEvaluator(space, budget, costs, scorer, threads, task)) {
            SearchContext context = new SearchContext(space, budget, new GenomeSampler(space, budget), evaluator,
                    config.search(), new SplittableRandom(config.search().seed()), Optional.ofNullable(screener));
            search.search(context);
            List<ScoredCandidate> all = new ArrayList<>(evaluator.all());
            // only candidates within the budget are ranked (greedy also visits larger ones on its way)
            all.removeIf(c -> !budget.fits(c.mask()));
            all.sort(Comparator.comparingDouble(ScoredCandidate::score).reversed().thenComparingInt(ScoredCandidate::id));
            return all;
        }
    }
}
