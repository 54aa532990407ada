package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Every candidate of the space that meets the minimums and the budget. Refused when the space has
 * more candidates than {@code search.candidates}.
 */
public final class ExhaustiveSearch implements SearchStrategy {
    private static final int BATCH = 1024;

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public String description() {
        return "every candidate within the budget, where the space is small enough";
    }

    @Override
    public void search(SearchContext context) {
        SearchSpace space = context.space();
        double size = space.size();
        if (size > context.config().candidates()) {
            throw new ConfigException(String.format(Locale.ROOT, "the search space has %.3g candidates, more than"
                    + " search.candidates = %d allows for an exhaustive search; use unit-selection importance, a larger"
                    + " neuron-block, higher minimums, or another search strategy", size, context.config().candidates()));
        }
        context.budget().checkFeasible(space.minimalHeads(), space.minimalNeurons(), "the minimums");
        int layers = space.layers();
        List<List<UnitSet>> headOptions = new ArrayList<>();
        List<List<UnitSet>> blockOptions = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            headOptions.add(options(space.heads(l), space.minHeads(l), space.prefixOnly()));
            blockOptions.add(options(space.blocks(l), space.minBlocks(l), space.prefixOnly()));
        }
        int[] digit = new int[2 * layers];
        List<Genome> batch = new ArrayList<>();
        while (true) {
            UnitSet[] h = new UnitSet[layers];
            UnitSet[] b = new UnitSet[layers];
            for (int l = 0; l < layers; l++) {
                h[l] = headOptions.get(l).get(digit[2 * l]);
                b[l] = blockOptions.get(l).get(digit[2 * l + 1]);
            }
            Genome g = new Genome(h, b);
            if (space.fits(context.budget(), g)) {
                batch.add(g);
                if (batch.size() == BATCH) {
                    context.evaluator().evaluate(batch);
                    batch.clear();
                }
            }
            int i = 0;
            while (i < digit.length) {
                int radix = (i % 2 == 0 ? headOptions : blockOptions).get(i / 2).size();
                if (++digit[i] < radix) {
                    break;
                }
                digit[i] = 0;
                i++;
            }
            if (i == digit.length) {
                break;
            }
        }
        context.evaluator().evaluate(batch);
    }

    private static List<UnitSet> options(int size, int min, boolean prefixOnly) {
        List<UnitSet> out = new ArrayList<>();
        if (prefixOnly) {
            for (int k = min; k <= size; k++) {
                out.add(UnitSet.firstN(size, k));
            }
            return out;
        }
        for (long bits = 0; bits < (1L << size); bits++) {
            if (Long.bitCount(bits) >= min) {
                out.add(UnitSet.of(size, java.util.BitSet.valueOf(new long[] {bits})));
            }
        }
        return out;
    }
}
