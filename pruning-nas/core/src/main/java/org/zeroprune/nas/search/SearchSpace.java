package org.zeroprune.nas.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.ModelView;

/**
 * The candidates a search may visit: per layer, a subset of heads and a subset of neuron blocks,
 * with at least {@code minHeads} heads and {@code minNeurons} neurons.
 *
 * <p>Units are addressed by position in a per-layer order. With {@code random} unit selection the
 * order is the model's own (blocks are runs of {@code neuronBlock} consecutive neurons) and a search
 * chooses any subset. With {@code importance} selection, heads and neurons are sorted by a scoring
 * strategy's per-unit importance (most important first), blocks are runs of that order, and a layer
 * keeping {@code k} units keeps the first {@code k} positions: the search then decides only how many.
 */
public final class SearchSpace {
    private final int layers;
    private final int[] heads;
    private final int[] neurons;
    private final int neuronBlock;
    private final int[] minHeads;
    private final int[] minBlocks;
    private final int[][] headOrder;
    private final int[][][] blockNeurons;
    private final boolean prefixOnly;

    private SearchSpace(ModelView model, int neuronBlock, int minHeadsWanted, int minNeuronsWanted,
            Optional<UnitImportance> importance) {
        this.layers = model.layerCount();
        this.neuronBlock = neuronBlock;
        this.prefixOnly = importance.isPresent();
        heads = new int[layers];
        neurons = new int[layers];
        minHeads = new int[layers];
        minBlocks = new int[layers];
        headOrder = new int[layers][];
        blockNeurons = new int[layers][][];
        for (int l = 0; l < layers; l++) {
            heads[l] = model.layer(l).attention().unitCount();
            neurons[l] = model.layer(l).ffn().unitCount();
            int[] neuronOrder = IntStream.range(0, neurons[l]).toArray();
            headOrder[l] = IntStream.range(0, heads[l]).toArray();
            if (importance.isPresent()) {
                headOrder[l] = byImportance(importance.get().heads()[l], heads[l]);
                neuronOrder = byImportance(importance.get().neurons()[l], neurons[l]);
            }
            int blocks = (neurons[l] + neuronBlock - 1) / neuronBlock;
            blockNeurons[l] = new int[blocks][];
            for (int b = 0; b < blocks; b++) {
                blockNeurons[l][b] = Arrays.copyOfRange(neuronOrder, b * neuronBlock, Math.min((b + 1) * neuronBlock, neurons[l]));
            }
            minHeads[l] = Math.min(minHeadsWanted, heads[l]);
            minBlocks[l] = Math.min((minNeuronsWanted + neuronBlock - 1) / neuronBlock, blocks);
        }
        // capped per layer for models whose layers differ in width, but a minimum no layer reaches is a mistake
        requireReachable("search.min-heads", minHeadsWanted, heads, "heads");
        requireReachable("search.min-neurons", minNeuronsWanted, neurons, "FFN neurons");
    }

    private static void requireReachable(String key, int wanted, int[] perLayer, String units) {
        int widest = Arrays.stream(perLayer).max().orElse(0);
        if (wanted > widest) {
            throw new ZeroPruneException(key + " is " + wanted + ", but no layer of the model has more than " + widest
                    + " " + units + " (per layer: " + Arrays.toString(perLayer) + "): choose 0.." + widest
                    + "; a layer narrower than the minimum keeps all its units");
        }
    }

    /**
     * A search space over {@code model}.
     *
     * @param neuronBlock neurons moved together
     * @param minHeads heads every layer keeps at least (capped at the layer's heads)
     * @param minNeurons neurons every layer keeps at least (rounded up to whole blocks)
     * @param importance per-unit importance for {@code importance} selection, or empty for {@code random}
     */
    public static SearchSpace of(ModelView model, int neuronBlock, int minHeads, int minNeurons,
            Optional<UnitImportance> importance) {
        return new SearchSpace(model, neuronBlock, minHeads, minNeurons, importance);
    }

    private static int[] byImportance(double[] importance, int units) {
        if (importance == null || importance.length != units) {
            throw new IllegalArgumentException("importance covers " + (importance == null ? 0 : importance.length)
                    + " units, the layer has " + units);
        }
        return IntStream.range(0, units).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -importance[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Number of layers. */
    public int layers() {
        return layers;
    }

    /** Heads of a layer in the dense model. */
    public int heads(int layer) {
        return heads[layer];
    }

    /** Neurons of a layer in the dense model. */
    public int neurons(int layer) {
        return neurons[layer];
    }

    /** Neuron blocks of a layer. */
    public int blocks(int layer) {
        return blockNeurons[layer].length;
    }

    /** Neurons per block. */
    public int neuronBlock() {
        return neuronBlock;
    }

    /** Fewest heads a layer may keep. */
    public int minHeads(int layer) {
        return minHeads[layer];
    }

    /** Fewest blocks a layer may keep. */
    public int minBlocks(int layer) {
        return minBlocks[layer];
    }

    /** Whether a layer keeps the first positions only (importance selection). */
    public boolean prefixOnly() {
        return prefixOnly;
    }

    /** A layer's heads in the order positions address them (by importance, or the model's own order). */
    public int[] headOrder(int layer) {
        return headOrder[layer].clone();
    }

    /** A layer's neurons in the order block positions address them: block {@code b} holds a run of it. */
    public int[] neuronOrder(int layer) {
        return Arrays.stream(blockNeurons[layer]).flatMapToInt(Arrays::stream).toArray();
    }

    /** Neurons kept by the first {@code blocks} block positions of a layer. */
    public int neuronsInFirstBlocks(int layer, int blocks) {
        return Math.min(blocks * neuronBlock, neurons[layer]);
    }

    /** Dense head counts per layer. */
    public int[] denseHeads() {
        return heads.clone();
    }

    /** Dense neuron counts per layer. */
    public int[] denseNeurons() {
        return neurons.clone();
    }

    /** Minimal head counts per layer. */
    public int[] minimalHeads() {
        return minHeads.clone();
    }

    /** Neurons kept by the minimal block counts, per layer. */
    public int[] minimalNeurons() {
        int[] out = new int[layers];
        for (int l = 0; l < layers; l++) {
            out[l] = neuronsInFirstBlocks(l, minBlocks[l]);
        }
        return out;
    }

    /**
     * Kept positions of a layer for a count: the first {@code count} positions with importance
     * selection, else a random subset drawn from {@code random}.
     */
    public UnitSet choose(int size, int count, SplittableRandom random) {
        if (prefixOnly || count == size) {
            return UnitSet.firstN(size, count);
        }
        int[] pool = IntStream.range(0, size).toArray();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return UnitSet.of(size, Arrays.copyOf(pool, count));
    }

    /** A genome with the given per-layer counts, units chosen by {@link #choose}. */
    public Genome genome(int[] headCounts, int[] blockCounts, SplittableRandom random) {
        UnitSet[] h = new UnitSet[layers];
        UnitSet[] b = new UnitSet[layers];
        for (int l = 0; l < layers; l++) {
            h[l] = choose(heads[l], headCounts[l], random);
            b[l] = choose(blocks(l), blockCounts[l], random);
        }
        return new Genome(h, b);
    }

    /** The dense genome. */
    public Genome dense() {
        UnitSet[] h = new UnitSet[layers];
        UnitSet[] b = new UnitSet[layers];
        for (int l = 0; l < layers; l++) {
            h[l] = UnitSet.all(heads[l]);
            b[l] = UnitSet.all(blocks(l));
        }
        return new Genome(h, b);
    }

    /** The mask a genome stands for, in the model's unit indices. */
    public PruningMask mask(Genome genome) {
        List<UnitSet> h = new ArrayList<>(layers);
        List<UnitSet> n = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            int[] order = headOrder[l];
            BitSet keptHeads = new BitSet(heads[l]);
            genome.heads(l).forEach(p -> keptHeads.set(order[p]));
            h.add(UnitSet.of(heads[l], keptHeads));
            BitSet keptNeurons = new BitSet(neurons[l]);
            int[][] blocks = blockNeurons[l];
            genome.blocks(l).forEach(p -> {
                for (int neuron : blocks[p]) {
                    keptNeurons.set(neuron);
                }
            });
            n.add(UnitSet.of(neurons[l], keptNeurons));
        }
        return PruningMask.of(h, n);
    }

    /** Per-layer neuron counts a genome keeps. */
    public int[] neuronCounts(Genome genome) {
        int[] out = new int[layers];
        for (int l = 0; l < layers; l++) {
            // every block holds neuronBlock neurons except perhaps the last position
            int blocks = blockNeurons[l].length;
            UnitSet kept = genome.blocks(l);
            out[l] = kept.count() * neuronBlock;
            if (blocks > 0 && kept.contains(blocks - 1)) {
                out[l] -= neuronBlock - blockNeurons[l][blocks - 1].length;
            }
        }
        return out;
    }

    /**
     * Whether a genome fits {@code budget}, from its per-layer counts (costs depend on how many
     * units a layer keeps, not which), without building its mask.
     */
    public boolean fits(Budget budget, Genome genome) {
        return budget.fits(genome.headCounts(), neuronCounts(genome));
    }

    /** Whether every layer respects the minimums. */
    public boolean respectsMinimums(Genome genome) {
        for (int l = 0; l < layers; l++) {
            if (genome.heads(l).count() < minHeads[l] || genome.blocks(l).count() < minBlocks[l]) {
                return false;
            }
        }
        return true;
    }

    /** Number of distinct genomes (as a double, it may be astronomically large). */
    public double size() {
        double total = 1;
        for (int l = 0; l < layers; l++) {
            total *= prefixOnly ? (heads[l] - minHeads[l] + 1.0) * (blocks(l) - minBlocks[l] + 1.0)
                    : Math.pow(2, heads[l]) * Math.pow(2, blocks(l));
        }
        return total;
    }

    /** A description of the minimums for messages. */
    public String describeMinimums(int minHeadsWanted, int minNeuronsWanted) {
        return "min-heads " + minHeadsWanted + ", min-neurons " + minNeuronsWanted + ", neuron-block " + neuronBlock;
    }
}
