package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference: the same keep ratio for heads and for neuron blocks in every layer, the largest
 * that fits the budget. With importance unit selection this is one candidate; with random selection,
 * {@code candidates} different random choices of the units at those counts.
 */
public final class UniformSearch implements SearchStrategy {
    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "the same keep ratio in every layer (a reference)";
    }

    @Override
    public void search(SearchContext context) {
        SearchSpace space = context.space();
        int layers = space.layers();
        int[] heads = new int[layers];
        int[] blocks = new int[layers];
        int[] neurons = new int[layers];
        double low = 0;
        double high = 1;
        counts(space, 0, heads, blocks, neurons);
        context.budget().checkFeasible(heads, neurons, "uniform keep ratio 0");
        counts(space, 1, heads, blocks, neurons);
        if (!context.budget().fits(heads, neurons)) {
            for (int i = 0; i < 50; i++) {
                double mid = (low + high) / 2;
                counts(space, mid, heads, blocks, neurons);
                if (context.budget().fits(heads, neurons)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            counts(space, low, heads, blocks, neurons);
        }
        int wanted = space.prefixOnly() ? 1 : context.config().candidates();
        List<Genome> batch = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            batch.add(context.sampler().repair(space.genome(heads, blocks, context.random()), context.random()));
        }
        context.evaluator().evaluate(batch);
    }

    private static void counts(SearchSpace space, double ratio, int[] heads, int[] blocks, int[] neurons) {
        for (int l = 0; l < heads.length; l++) {
            heads[l] = Math.max(space.minHeads(l), (int) Math.floor(ratio * space.heads(l) + 1e-9));
            blocks[l] = Math.max(space.minBlocks(l), (int) Math.floor(ratio * space.blocks(l) + 1e-9));
            neurons[l] = space.neuronsInFirstBlocks(l, blocks[l]);
        }
    }
}
