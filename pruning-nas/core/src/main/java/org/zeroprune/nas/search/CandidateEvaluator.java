package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores genomes with a prepared strategy, in parallel, each distinct genome once. Remembers every
 * candidate it evaluated, in order of first evaluation, for the ranking. A scorer that throws,
 * returns a non-finite score or outlasts its limit is reported by name with the candidate it failed on
 * ({@link PreparedStrategy#scoreAll}).
 */
public final class CandidateEvaluator implements AutoCloseable {
    private final SearchSpace space;
    private final Budget budget;
    private final CostModel costs;
    private final PreparedStrategy strategy;
    private final int threads;
    private final ProgressTask progress;
    private final Map<Genome, ScoredCandidate> seen = new LinkedHashMap<>();

    /**
     * @param threads scoring threads
     * @param progress receives one step per newly evaluated candidate
     */
    public CandidateEvaluator(SearchSpace space, Budget budget, CostModel costs, PreparedStrategy strategy, int threads,
            ProgressTask progress) {
        this.space = space;
        this.budget = budget;
        this.costs = costs;
        this.strategy = strategy;
        this.threads = threads;
        this.progress = progress;
    }

    /** Scores one genome (from memory if seen before). */
    public ScoredCandidate evaluate(Genome genome) {
        return evaluate(List.of(genome)).get(0);
    }

    /** Scores genomes, in parallel; the result is in the order of {@code genomes}. */
    public List<ScoredCandidate> evaluate(List<Genome> genomes) {
        Map<Genome, Integer> fresh = new LinkedHashMap<>();
        for (Genome g : genomes) {
            if (!seen.containsKey(g) && !fresh.containsKey(g)) {
                fresh.put(g, seen.size() + fresh.size());
            }
        }
        List<Genome> todo = new ArrayList<>(fresh.keySet());
        PruningMask[] masks = new PruningMask[todo.size()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = space.mask(todo.get(i));
        }
        double[] scores = strategy.scoreAll(Arrays.asList(masks), i -> "candidate #" + fresh.get(todo.get(i)) + " ("
                + masks[i] + ")", threads, progress::step);
        for (int i = 0; i < masks.length; i++) {
            PruningMask mask = masks[i];
            seen.put(todo.get(i), new ScoredCandidate(fresh.get(todo.get(i)), todo.get(i), mask, scores[i], costs.macs(mask),
                    costs.params(mask), budget.cost(mask)));
        }
        List<ScoredCandidate> out = new ArrayList<>(genomes.size());
        for (Genome g : genomes) {
            out.add(seen.get(g));
        }
        return out;
    }

    /** Whether this genome was evaluated already. */
    public boolean seen(Genome genome) {
        return seen.containsKey(genome);
    }

    /** Number of distinct candidates evaluated. */
    public int evaluations() {
        return seen.size();
    }

    /** Every distinct candidate evaluated, in order of first evaluation. */
    public List<ScoredCandidate> all() {
        return new ArrayList<>(seen.values());
    }

    /** The evaluated candidates by genome. */
    Map<Genome, ScoredCandidate> byGenome() {
        return new HashMap<>(seen);
    }

    @Override
    public void close() {
        // the strategy's scoring threads end with each batch
    }
}
