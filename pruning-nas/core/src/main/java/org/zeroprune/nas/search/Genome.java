package org.zeroprune.nas.search;

import java.util.Arrays;
import org.zeroprune.spi.mask.UnitSet;

/**
 * A search candidate in the search space's own coordinates: per layer, the kept head positions and
 * the kept neuron-block positions. Positions index the space's unit orders (see {@link SearchSpace}).
 * Immutable.
 */
public final class Genome {
    private final UnitSet[] heads;
    private final UnitSet[] blocks;
    private final int hash;

    /** A genome from per-layer sets (the arrays are copied). */
    public Genome(UnitSet[] heads, UnitSet[] blocks) {
        this.heads = heads.clone();
        this.blocks = blocks.clone();
        this.hash = 31 * Arrays.hashCode(this.heads) + Arrays.hashCode(this.blocks);
    }

    /** Number of layers. */
    public int layers() {
        return heads.length;
    }

    /** Kept head positions of a layer. */
    public UnitSet heads(int layer) {
        return heads[layer];
    }

    /** Kept block positions of a layer. */
    public UnitSet blocks(int layer) {
        return blocks[layer];
    }

    /** This genome with a layer's heads replaced. */
    public Genome withHeads(int layer, UnitSet kept) {
        UnitSet[] h = heads.clone();
        h[layer] = kept;
        return new Genome(h, blocks);
    }

    /** This genome with a layer's blocks replaced. */
    public Genome withBlocks(int layer, UnitSet kept) {
        UnitSet[] b = blocks.clone();
        b[layer] = kept;
        return new Genome(heads, b);
    }

    /** Per-layer kept head counts. */
    public int[] headCounts() {
        return Arrays.stream(heads).mapToInt(UnitSet::count).toArray();
    }

    /** Per-layer kept block counts. */
    public int[] blockCounts() {
        return Arrays.stream(blocks).mapToInt(UnitSet::count).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Genome g && g.hash == hash && Arrays.equals(g.heads, heads) && Arrays.equals(g.blocks, blocks);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Genome" + Arrays.toString(headCounts()) + Arrays.toString(blockCounts());
    }
}
