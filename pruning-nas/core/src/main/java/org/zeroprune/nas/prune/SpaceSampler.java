package org.zeroprune.nas.prune;

import java.util.SplittableRandom;
import org.zeroprune.nas.search.Genome;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.SampledCandidate;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * Draws candidates from the whole search space, regardless of the budget: every layer keeps a
 * uniformly random number of heads and blocks. Their sizes vary widely, which label-free
 * calibration (correlation with parameter count) needs.
 */
public final class SpaceSampler implements CandidateSampler {
    private final ModelView model;
    private final SearchSpace space;
    private final CostModel costs;

    /** A sampler over {@code space} of {@code model}. */
    public SpaceSampler(ModelView model, SearchSpace space, CostModel costs) {
        this.model = model;
        this.space = space;
        this.costs = costs;
    }

    @Override
    public SampledCandidate sample(SplittableRandom random) {
        int layers = space.layers();
        int[] heads = new int[layers];
        int[] blocks = new int[layers];
        for (int l = 0; l < layers; l++) {
            heads[l] = space.minHeads(l) + random.nextInt(space.heads(l) - space.minHeads(l) + 1);
            blocks[l] = space.minBlocks(l) + random.nextInt(space.blocks(l) - space.minBlocks(l) + 1);
        }
        Genome genome = space.genome(heads, blocks, random);
        PruningMask mask = space.mask(genome);
        return new MaskCandidate(model, mask, costs.params(mask), Double.NaN);
    }
}
