package org.zeroprune.spi.sums;

import java.nio.FloatBuffer;
import java.util.function.Supplier;
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
 *
 * <p>A matrix whose units are single rows and columns ({@link #ofEntries}) keeps its row and
 * column sums and diagonal, and builds its table only when a partial mask asks for it: a dense
 * model's score (every architecture of a benchmark) then never allocates it. The sums are the same
 * doubles either way.
 */
public final class BlockSums {
    private final int units;
    private final UnitSums rowSums;
    private final UnitSums colSums;
    private final double[] diagonal;
    private final Supplier<double[]> table;
    private volatile double[] block;

    /**
     * Precomputes the row and column sums of a block matrix.
     *
     * @param units number of units
     * @param block row-major {@code units × units}, copied
     */
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
        this.table = () -> block;
        double[] rows = new double[units];
        double[] cols = new double[units];
        this.diagonal = new double[units];
        for (int u = 0; u < units; u++) {
            double row = 0.0;
            int base = u * units;
            for (int v = 0; v < units; v++) {
                row += block[base + v];
                cols[v] += block[base + v];
            }
            rows[u] = row;
            diagonal[u] = block[base + u];
        }
        this.rowSums = new UnitSums(rows);
        this.colSums = new UnitSums(cols);
    }

    private BlockSums(int units, double[] rows, double[] cols, double[] diagonal, Supplier<double[]> table) {
        this.units = units;
        this.rowSums = new UnitSums(rows);
        this.colSums = new UnitSums(cols);
        this.diagonal = diagonal;
        this.table = table;
    }

    /**
     * The sums of a {@code units × units} matrix whose every row and column is its own unit, read
     * in one pass; its table (here the measure of each entry) is built from {@code data} on first
     * use, so {@code data} must stay readable and unchanged while this object is used.
     */
    static BlockSums ofEntries(int units, FloatBuffer data, EntryMeasure measure) {
        double[] rows = new double[units];
        double[] cols = new double[units];
        double[] diagonal = new double[units];
        for (int u = 0; u < units; u++) {
            // the same additions, in the same order, as the table's row and column sums
            double row = 0.0;
            int base = u * units;
            for (int v = 0; v < units; v++) {
                double m = measure.of(data.get(base + v));
                row += m;
                cols[v] += m;
            }
            rows[u] = row;
            diagonal[u] = measure.of(data.get(base + u));
        }
        return new BlockSums(units, rows, cols, diagonal, () -> {
            double[] block = new double[units * units];
            for (int i = 0; i < block.length; i++) {
                block[i] = measure.of(data.get(i));
            }
            return block;
        });
    }

    /** {@return the sum over the whole matrix} */
    public double total() {
        return rowSums.total();
    }

    /**
     * What removing unit {@code u} alone deletes: its rows and its columns, the crossing block
     * counted once: {@code rowSum[u] + colSum[u] − block[u][u]}.
     *
     * @param u a unit index
     * @return the mass that removing {@code u} alone deletes
     */
    public double unitMass(int u) {
        return rowSums.value(u) + colSums.value(u) - diagonal[u];
    }

    /**
     * The block sum over the kept units.
     *
     * @param kept a set over exactly the block's units
     * @return {@code Σ_{u ∈ kept} Σ_{v ∈ kept} block[u][v]}
     */
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
        double[] block = block();
        double s = 0.0;
        for (int u : index) {
            int row = u * units;
            for (int v : index) {
                s += block[row + v];
            }
        }
        return s;
    }

    // built on first use for a table read from the weights (ofEntries); racing builds give equal tables
    private double[] block() {
        double[] b = block;
        if (b == null) {
            b = table.get();
            block = b;
        }
        return b;
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
