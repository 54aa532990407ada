package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.zeroprune.spi.mask.UnitSet;

/**
 * A generational evolutionary search with elitism: the first population is drawn by the
 * near-budget sampler; each generation breeds {@code population} children, each from two parents
 * picked by tournament, by per-layer uniform crossover and per-layer mutation (change a layer's
 * head or block count, or, with random unit selection, swap a kept unit for a removed one), then
 * repaired to the budget and topped up to use its slack; the next population is the best of
 * parents and children. Stops after {@code candidates} distinct candidates were evaluated.
 *
 * <p>With a screen ({@code search.screen}, {@link SearchContext#screening()}) the generations are
 * scored by the scoring strategy's cheaper form, and only the best {@code shortlist} of them by the
 * strategy itself; the ranking holds those. Most of the candidates a search visits only steer it, so
 * they need a score good enough to steer by; the choice among the best needs the full one.
 */
public final class EvolutionarySearch implements SearchStrategy {
    @Override
    public String name() {
        return "evolutionary";
    }

    @Override
    public String description() {
        return "tournament selection, crossover and mutation of head and neuron sets, repaired to the budget";
    }

    @Override
    public long plannedEvaluations(SearchConfig config) {
        return config.candidates();
    }

    @Override
    public boolean screensWithCheaperForm() {
        return true;
    }

    @Override
    public void search(SearchContext context) {
        CandidateEvaluator steering = context.screening().orElse(context.evaluator());
        evolve(context, steering);
        if (context.screening().isPresent()) {
            List<Genome> shortlist = steering.all().stream().sorted(Comparator.comparingDouble(ScoredCandidate::score)
                    .reversed().thenComparingInt(ScoredCandidate::id)).limit(context.config().shortlist())
                    .map(ScoredCandidate::genome).toList();
            context.evaluator().evaluate(shortlist);
        }
    }

    private static void evolve(SearchContext context, CandidateEvaluator evaluator) {
        int size = context.config().population();
        int wanted = context.config().candidates();
        SplittableRandom random = context.random();
        List<Genome> initial = new ArrayList<>();
        for (int i = 0; i < size && i < wanted; i++) {
            initial.add(context.sampler().sample(random));
        }
        List<ScoredCandidate> population = new ArrayList<>(evaluator.evaluate(initial));
        int stale = 0;
        while (evaluator.evaluations() < wanted && stale < 50) {
            int before = evaluator.evaluations();
            int room = Math.min(size, wanted - before);
            List<Genome> children = new ArrayList<>(room);
            for (int i = 0; i < room; i++) {
                Genome a = tournament(population, context.config().tournament(), random).genome();
                Genome b = tournament(population, context.config().tournament(), random).genome();
                Genome child = mutate(context, crossover(a, b, random), random);
                child = context.sampler().repair(child, random);
                children.add(fill(context, child, random));
            }
            population.addAll(evaluator.evaluate(children));
            population = survivors(population, size);
            stale = evaluator.evaluations() == before ? stale + 1 : 0;
        }
    }

    private static ScoredCandidate tournament(List<ScoredCandidate> population, int k, SplittableRandom random) {
        ScoredCandidate best = null;
        for (int i = 0; i < k; i++) {
            ScoredCandidate c = population.get(random.nextInt(population.size()));
            if (best == null || better(c, best)) {
                best = c;
            }
        }
        return best;
    }

    private static boolean better(ScoredCandidate a, ScoredCandidate b) {
        return a.score() > b.score() || (a.score() == b.score() && a.id() < b.id());
    }

    private static List<ScoredCandidate> survivors(List<ScoredCandidate> all, int size) {
        List<ScoredCandidate> distinct = new ArrayList<>();
        java.util.Set<Genome> seen = new java.util.HashSet<>();
        all.stream().sorted(Comparator.comparingDouble(ScoredCandidate::score).reversed().thenComparingInt(ScoredCandidate::id))
                .forEach(c -> {
                    if (seen.add(c.genome()) && distinct.size() < size) {
                        distinct.add(c);
                    }
                });
        return distinct;
    }

    private static Genome crossover(Genome a, Genome b, SplittableRandom random) {
        UnitSet[] h = new UnitSet[a.layers()];
        UnitSet[] bl = new UnitSet[a.layers()];
        for (int l = 0; l < a.layers(); l++) {
            h[l] = random.nextBoolean() ? a.heads(l) : b.heads(l);
            bl[l] = random.nextBoolean() ? a.blocks(l) : b.blocks(l);
        }
        return new Genome(h, bl);
    }

    private static Genome mutate(SearchContext context, Genome g, SplittableRandom random) {
        SearchSpace space = context.space();
        double rate = context.config().mutationRate();
        Genome out = g;
        for (int l = 0; l < space.layers(); l++) {
            if (random.nextDouble() < rate) {
                out = out.withHeads(l, mutateSet(space, out.heads(l), space.minHeads(l), random));
            }
            if (random.nextDouble() < rate) {
                out = out.withBlocks(l, mutateSet(space, out.blocks(l), space.minBlocks(l), random));
            }
        }
        return out;
    }

    private static UnitSet mutateSet(SearchSpace space, UnitSet set, int min, SplittableRandom random) {
        int size = set.size();
        if (size == 0) {
            return set;
        }
        int count = set.count();
        boolean swap = !space.prefixOnly() && count > 0 && count < size && random.nextInt(3) == 0;
        if (swap) {
            int[] kept = set.toArray();
            int[] removed = java.util.stream.IntStream.range(0, size).filter(u -> !set.contains(u)).toArray();
            return set.without(kept[random.nextInt(kept.length)]).with(removed[random.nextInt(removed.length)]);
        }
        int step = 1 + random.nextInt(Math.max(1, size / 4));
        int target = Math.max(min, Math.min(size, count + (random.nextBoolean() ? step : -step)));
        return resize(space, set, target, random);
    }

    private static UnitSet resize(SearchSpace space, UnitSet set, int target, SplittableRandom random) {
        if (space.prefixOnly()) {
            return UnitSet.firstN(set.size(), target);
        }
        UnitSet out = set;
        while (out.count() < target) {
            UnitSet current = out;
            int[] free = java.util.stream.IntStream.range(0, out.size()).filter(u -> !current.contains(u)).toArray();
            out = out.with(free[random.nextInt(free.length)]);
        }
        while (out.count() > target) {
            int[] kept = out.toArray();
            out = out.without(kept[random.nextInt(kept.length)]);
        }
        return out;
    }

    /** Adds units in random layers while the budget allows, so children use their slack. */
    private static Genome fill(SearchContext context, Genome g, SplittableRandom random) {
        SearchSpace space = context.space();
        Genome current = g;
        int failures = 0;
        while (failures < 2 * space.layers()) {
            int l = random.nextInt(space.layers());
            boolean heads = random.nextBoolean();
            UnitSet set = heads ? current.heads(l) : current.blocks(l);
            if (set.isFull()) {
                failures++;
                continue;
            }
            UnitSet bigger = resize(space, set, set.count() + 1, random);
            Genome candidate = heads ? current.withHeads(l, bigger) : current.withBlocks(l, bigger);
            if (space.fits(context.budget(), candidate)) {
                current = candidate;
                failures = 0;
            } else {
                failures++;
            }
        }
        return current;
    }
}
