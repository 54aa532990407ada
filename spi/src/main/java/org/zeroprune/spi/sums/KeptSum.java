package org.zeroprune.spi.sums;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightView;

/**
 * An {@link EntryMeasure} summed over the entries that a mask keeps, over a group of weights of one
 * module, from sums precomputed once.
 *
 * <p>An entry {@code (i, j)} of a weight is kept when its row is kept and its column is kept; an
 * axis that is not cut is always kept, and on a cut axis with unit size {@code s} index {@code i}
 * belongs to unit {@code ⌊i/s⌋}. Hence {@code of(S) = constant + Σ_{u∈S} perUnit[u] + Σ_blocks
 * Σ_{u,v∈S} block[u][v]}: weights cut on no axis add a constant, weights cut on one axis add
 * per-unit sums (all such weights of the group share one {@link UnitSums}, so a candidate is one
 * pass over the mask's words), and weights cut on both axes each add a {@link BlockSums}.
 */
public final class KeptSum {
    private final int units;
    private final double constant;
    private final UnitSums perUnit;
    private final BlockSums[] blocks;

    private KeptSum(int units, double constant, UnitSums perUnit, BlockSums[] blocks) {
        this.units = units;
        this.constant = constant;
        this.perUnit = perUnit;
        this.blocks = blocks;
    }

    /**
     * A builder for one module.
     *
     * @param units the module's number of units
     * @param measure what is summed per entry
     * @return an empty builder
     */
    public static Builder builder(int units, EntryMeasure measure) {
        return new Builder(units, measure);
    }

    /** {@return the number of units of the module} */
    public int units() {
        return units;
    }

    /** {@return the sum over every entry of every weight (the dense model)} */
    public double dense() {
        double s = constant + perUnit.total();
        for (BlockSums b : blocks) {
            s += b.total();
        }
        return s;
    }

    /** {@return the part that no mask can remove (weights with no cut axis)} */
    public double constant() {
        return constant;
    }

    /**
     * The sum over the kept entries.
     *
     * @param kept a set over exactly {@link #units()} units
     * @return the sum over the entries {@code kept} keeps
     */
    public double of(UnitSet kept) {
        double s = constant + perUnit.sum(kept);
        for (BlockSums b : blocks) {
            s += b.sum(kept);
        }
        return s;
    }

    /**
     * What removing one unit alone deletes from {@link #dense()}.
     *
     * @param u a unit index
     * @return the unit's mass
     */
    public double unitMass(int u) {
        double s = perUnit.value(u);
        for (BlockSums b : blocks) {
            s += b.unitMass(u);
        }
        return s;
    }

    /** Accumulates weights of one module; not thread-safe. */
    public static final class Builder {
        private final int units;
        private final EntryMeasure measure;
        private final double[] perUnit;
        private final List<BlockSums> blocks = new ArrayList<>();
        private double constant;

        private Builder(int units, EntryMeasure measure) {
            this.units = units;
            this.measure = measure;
            this.perUnit = new double[units];
        }

        /**
         * Adds every entry of {@code weight} (a matrix or a vector), in one pass over its values.
         *
         * @param weight a weight of the module
         * @return this builder
         * @throws org.zeroprune.spi.ScoringException if a cut axis does not match the unit count
         */
        public Builder add(WeightView weight) {
            WeightCuts.check(weight, units);
            UnitCut rowCut = weight.rowCut();
            UnitCut colCut = weight.colCut();
            int rows = weight.rows();
            int cols = weight.cols();
            FloatBuffer data = weight.data();
            if (rowCut.isCut() && colCut.isCut() && rowCut.unitSize() == 1 && colCut.unitSize() == 1) {
                blocks.add(BlockSums.ofEntries(units, data, measure));
            } else if (rowCut.isCut() && colCut.isCut()) {
                blocks.add(BlockSums.owning(units, blockSums(data, rows, cols, rowCut.unitSize(), colCut.unitSize())));
            } else if (rowCut.isCut()) {
                int s = rowCut.unitSize();
                for (int i = 0; i < rows; i++) {
                    perUnit[i / s] += rowSum(data, i * cols, cols);
                }
            } else if (colCut.isCut()) {
                int s = colCut.unitSize();
                for (int i = 0; i < rows; i++) {
                    int offset = i * cols;
                    for (int j = 0; j < cols; j++) {
                        perUnit[j / s] += measure.of(data.get(offset + j));
                    }
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    constant += rowSum(data, i * cols, cols);
                }
            }
            return this;
        }

        // per entry in row order, as block[u][j / colUnit] += measure; the column units are walked
        // instead of dividing every column index, which changes no sum
        private double[] blockSums(FloatBuffer data, int rows, int cols, int rowUnit, int colUnit) {
            double[] block = new double[units * units];
            for (int i = 0; i < rows; i++) {
                int rowBase = (i / rowUnit) * units;
                int offset = i * cols;
                for (int v = 0, j = 0; j < cols; v++) {
                    double acc = block[rowBase + v];
                    for (int end = Math.min(cols, j + colUnit); j < end; j++) {
                        acc += measure.of(data.get(offset + j));
                    }
                    block[rowBase + v] = acc;
                }
            }
            return block;
        }

        private double rowSum(FloatBuffer data, int offset, int length) {
            double s = 0.0;
            for (int j = 0; j < length; j++) {
                s += measure.of(data.get(offset + j));
            }
            return s;
        }

        /** {@return the sums of everything added} */
        public KeptSum build() {
            return new KeptSum(units, constant, new UnitSums(perUnit), blocks.toArray(BlockSums[]::new));
        }
    }
}
