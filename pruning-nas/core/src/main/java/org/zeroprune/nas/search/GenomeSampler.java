package org.zeroprune.nas.search;

import java.util.SplittableRandom;

/**
 * Draws candidates that use nearly all of the budget, with varied per-layer shapes: each layer
 * gets a random keep propensity for heads and for blocks; the propensities are scaled by one
 * common factor, found by bisection, to the largest candidate within the budget; the slack left by
 * rounding is filled one unit at a time in random layers. Equal-budget candidates are what a
 * ranking has to tell apart.
 */
public final class GenomeSampler {
    private final SearchSpace space;
    private final Budget budget;

    /** A sampler over {@code space} within {@code budget}. */
    public GenomeSampler(SearchSpace space, Budget budget) {
        this.space = space;
        this.budget = budget;
    }

    /** One candidate drawn with {@code random}. */
    public Genome sample(SplittableRandom random) {
        int layers = space.layers();
        double[] headPropensity = new double[layers];
        double[] blockPropensity = new double[layers];
        for (int l = 0; l < layers; l++) {
            headPropensity[l] = random.nextDouble();
            blockPropensity[l] = random.nextDouble();
        }
        int[] heads = new int[layers];
        int[] blocks = new int[layers];
        double low = 0;
        double high = 1.0 / Math.max(1e-9, Math.min(min(headPropensity), min(blockPropensity)));
        counts(low, headPropensity, blockPropensity, heads, blocks);
        if (!fits(heads, blocks)) {
            throw new BudgetException("no candidate of the search space fits the budget");
        }
        for (int i = 0; i < 50; i++) {
            double mid = (low + high) / 2;
            counts(mid, headPropensity, blockPropensity, heads, blocks);
            if (fits(heads, blocks)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        counts(low, headPropensity, blockPropensity, heads, blocks);
        fillSlack(heads, blocks, random);
        return repair(space.genome(heads, blocks, random), random);
    }

    /**
     * Removes units from random layers until the genome's exact mask fits the budget (needed when
     * blocks differ in size), never going below the minimums.
     */
    public Genome repair(Genome genome, SplittableRandom random) {
        Genome g = genome;
        while (!space.fits(budget, g)) {
            java.util.List<int[]> moves = new java.util.ArrayList<>();
            for (int l = 0; l < space.layers(); l++) {
                if (g.heads(l).count() > space.minHeads(l)) {
                    moves.add(new int[] {l, 0});
                }
                if (g.blocks(l).count() > space.minBlocks(l)) {
                    moves.add(new int[] {l, 1});
                }
            }
            if (moves.isEmpty()) {
                throw new BudgetException("no candidate with these minimums fits the budget " + budget.kind().key() + " "
                        + budget.ratio());
            }
            int[] move = moves.get(random.nextInt(moves.size()));
            g = move[1] == 0 ? g.withHeads(move[0], dropOne(g.heads(move[0]), random))
                    : g.withBlocks(move[0], dropOne(g.blocks(move[0]), random));
        }
        return g;
    }

    private org.zeroprune.spi.mask.UnitSet dropOne(org.zeroprune.spi.mask.UnitSet set, SplittableRandom random) {
        int[] kept = set.toArray();
        // with importance order the least important kept position is the last one
        int victim = space.prefixOnly() ? kept[kept.length - 1] : kept[random.nextInt(kept.length)];
        return set.without(victim);
    }

    private void fillSlack(int[] heads, int[] blocks, SplittableRandom random) {
        int layers = space.layers();
        int failures = 0;
        while (failures < 4 * layers) {
            int layer = random.nextInt(layers);
            boolean addHead = random.nextBoolean();
            if (addHead && heads[layer] < space.heads(layer)) {
                heads[layer]++;
                if (fits(heads, blocks)) {
                    failures = 0;
                    continue;
                }
                heads[layer]--;
            } else if (!addHead && blocks[layer] < space.blocks(layer)) {
                blocks[layer]++;
                if (fits(heads, blocks)) {
                    failures = 0;
                    continue;
                }
                blocks[layer]--;
            }
            failures++;
        }
    }

    private void counts(double scale, double[] hp, double[] bp, int[] heads, int[] blocks) {
        for (int l = 0; l < heads.length; l++) {
            heads[l] = clamp((int) Math.round(scale * hp[l] * space.heads(l)), space.minHeads(l), space.heads(l));
            blocks[l] = clamp((int) Math.round(scale * bp[l] * space.blocks(l)), space.minBlocks(l), space.blocks(l));
        }
    }

    private boolean fits(int[] heads, int[] blocks) {
        int[] neurons = new int[blocks.length];
        for (int l = 0; l < blocks.length; l++) {
            neurons[l] = space.neuronsInFirstBlocks(l, blocks[l]);
        }
        return budget.fits(heads, neurons);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
