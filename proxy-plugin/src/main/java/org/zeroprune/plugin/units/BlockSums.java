package org.zeroprune.plugin.units;

import org.zeroprune.spi.mask.UnitSet;

/**
 * Sums over a weight cut on both axes by the same units (a stacked FFN's intermediate-to-
 * intermediate matrix, a convolution kernel): {@code block[u][v]} is the measure summed over the
 * entries whose row belongs to unit {@code u} and whose column belongs to unit {@code v}, and a
 * mask keeps the sub-block {@code sum(S) = Σ_{u ∈ S} Σ_{v ∈ S} block[u][v]}.
 *
 * <p>The full and empty sets cost O(1). Otherwise the cheaper of two exact forms is used, with
 * {@code k} kept and {@code r} removed units: the direct double sum, O(k²), or
 * {@code total − Σ_{u ∉ S} rowSum[u] − Σ_{v ∉ S} colSum[v] + Σ_{u ∉ S} Σ_{v ∉ S} block[u][v]},
 * O(r² + words).
 */
public final class BlockSums {
    private final int units;
    private final double[] block;
    private final UnitSums rowSums;
    private final UnitSums colSums;

    /** @param units number of units; @param block row-major {@code units × units}, copied */
    public BlockSums(int units, double[] block) {
        this(block.clone(), units);
    }

    /** Takes {@code block} without copying it: a neuron-by-neuron block of a wide FFN is megabytes. */
    static BlockSums owning(int units, double[] block) {
        return new BlockSums(block, units);
    }

    private BlockSums(double[] block, int units) {
        if (block.length != units * units) {
            throw new IllegalArgumentException("block has " + block.length + " entries, expected " + units * units);
        }
        this.units = units;
        this.block = block;
        double[] rows = new double[units];
        double[] cols = new double[units];
        for (int u = 0; u < units; u++) {
            double row = 0.0;
            int base = u * units;
            for (int v = 0; v < units; v++) {
                row += block[base + v];
                cols[v] += block[base + v];
            }
            rows[u] = row;
        }
        this.rowSums = new UnitSums(rows);
        this.colSums = new UnitSums(cols);
    }

    /** The sum over the whole matrix. */
    public double total() {
        return rowSums.total();
    }

    /**
     * What removing unit {@code u} alone deletes: its rows and its columns, the crossing block
     * counted once: {@code rowSum[u] + colSum[u] − block[u][u]}.
     */
    public double unitMass(int u) {
        return rowSums.value(u) + colSums.value(u) - block[u * units + u];
    }

    /** {@code Σ_{u ∈ kept} Σ_{v ∈ kept} block[u][v]}. */
    public double sum(UnitSet kept) {
        if (kept.isFull()) {
            return total();
        }
        if (kept.isEmpty()) {
            return 0.0;
        }
        if (kept.count() <= units - kept.count()) {
            return square(kept.toArray());
        }
        double removedRows = rowSums.total() - rowSums.sum(kept);
        double removedCols = colSums.total() - colSums.sum(kept);
        return total() - removedRows - removedCols + square(removed(kept));
    }

    private double square(int[] index) {
        double s = 0.0;
        for (int u : index) {
            int row = u * units;
            for (int v : index) {
                s += block[row + v];
            }
        }
        return s;
    }

    private int[] removed(UnitSet kept) {
        int[] out = new int[units - kept.count()];
        int n = 0;
        for (int u = 0; u < units; u++) {
            if (!kept.contains(u)) {
                out[n++] = u;
            }
        }
        return out;
    }
}
