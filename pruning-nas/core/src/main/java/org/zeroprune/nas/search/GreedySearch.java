package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Backward elimination: from the dense model, repeatedly remove the one unit (a head or a neuron
 * block, in any layer) whose removal lowers the score least, until the budget holds. Ties go to the
 * removal that saves more cost, then to the lower layer. With importance unit selection only the
 * least important kept unit of each layer's heads and blocks is a move, so a step costs
 * {@code 2 x layers} evaluations; with random selection every kept unit is a move.
 */
public final class GreedySearch implements SearchStrategy {
    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public String description() {
        return "remove the unit whose removal lowers the score least, until the budget holds";
    }

    @Override
    public void search(SearchContext context) {
        SearchSpace space = context.space();
        context.budget().checkFeasible(space.minimalHeads(), space.minimalNeurons(), "the minimums");
        Genome current = space.dense();
        context.evaluator().evaluate(current);
        while (!space.fits(context.budget(), current)) {
            List<Genome> moves = moves(space, current);
            if (moves.isEmpty()) {
                throw new BudgetException("greedy search reached the minimums without meeting the budget");
            }
            List<ScoredCandidate> scored = context.evaluator().evaluate(moves);
            current = scored.stream().max(Comparator.comparingDouble(ScoredCandidate::score)
                    .thenComparingDouble(c -> -c.budgetCost())
                    .thenComparingInt(c -> -scored.indexOf(c))).orElseThrow().genome();
        }
    }

    private static List<Genome> moves(SearchSpace space, Genome g) {
        List<Genome> moves = new ArrayList<>();
        for (int l = 0; l < space.layers(); l++) {
            for (UnitSet smaller : removals(g.heads(l), space.minHeads(l), space.prefixOnly())) {
                moves.add(g.withHeads(l, smaller));
            }
            for (UnitSet smaller : removals(g.blocks(l), space.minBlocks(l), space.prefixOnly())) {
                moves.add(g.withBlocks(l, smaller));
            }
        }
        return moves;
    }

    private static List<UnitSet> removals(UnitSet kept, int min, boolean prefixOnly) {
        if (kept.count() <= min) {
            return List.of();
        }
        int[] units = kept.toArray();
        if (prefixOnly) {
            return List.of(kept.without(units[units.length - 1]));
        }
        List<UnitSet> out = new ArrayList<>(units.length);
        for (int u : units) {
            out.add(kept.without(u));
        }
        return out;
    }
}
