package org.zeroprune.plugin.relative;

import java.util.ArrayList;
import java.util.List;
import org.zeroprune.spi.sums.EntryMeasure;
import org.zeroprune.spi.sums.KeptSum;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightView;

/**
 * The share of one module's dense capacity that a set of kept units retains.
 *
 * <p>The capacity of a matrix {@code W} ({@code m × n}, {@code r = min(m, n)}) is ZeroLM's
 * {@code C(W) = ‖W‖²_F / r}. A candidate keeps {@code C'(W) = ‖W_S‖²_F / r}: the removed rows and
 * columns are zeroed in place, so {@code r} stays the dense one. (Slicing them off instead, as
 * {@code zerolm} does, shrinks {@code r} too, and the ratio then rewards removing weak units:
 * it is not monotone.) With {@link Granularity#MATRIX} the share is the mean over the module's
 * matrices of {@code C'(W)/C(W) = ‖W_S‖²_F/‖W‖²_F}; with {@link Granularity#MODULE} it is
 * {@code Σ_W C'(W) / Σ_W C(W)}. Either way it is {@code Σ_t c_t·‖W_t,S‖²_F} with constants
 * {@code c_t ≥ 0}, so it lies in [0, 1], is 1 for the full set and never grows when a unit is
 * removed. Matrices with no entry count for nothing; a module with no capacity at all has
 * share 1 (nothing of it can be lost). Each matrix keeps its own {@link KeptSum}, so a unit set
 * costs one pass over its 64-bit words per matrix. Immutable.
 */
final class CapacityShare {
    private final int units;
    private final KeptSum[] squares;
    private final double[] coefficients;

    private CapacityShare(int units, KeptSum[] squares, double[] coefficients) {
        this.units = units;
        this.squares = squares;
        this.coefficients = coefficients;
    }

    /**
     * Reads the matrices of {@code module} once.
     *
     * @throws org.zeroprune.spi.ScoringException if a matrix's cut does not match the module
     */
    static CapacityShare of(ModuleView module, Granularity granularity) {
        int units = module.unitCount();
        List<KeptSum> sums = new ArrayList<>();
        List<Double> ranks = new ArrayList<>();
        for (WeightView matrix : module.matrices()) {
            KeptSum s = KeptSum.builder(units, EntryMeasure.SQUARE).add(matrix).build();
            if (s.dense() > 0) {
                sums.add(s);
                ranks.add((double) Math.min(matrix.rows(), matrix.cols()));
            }
        }
        double[] c = new double[sums.size()];
        double denseCapacity = 0.0;
        for (int t = 0; t < c.length; t++) {
            denseCapacity += sums.get(t).dense() / ranks.get(t);
        }
        for (int t = 0; t < c.length; t++) {
            c[t] = granularity == Granularity.MATRIX ? 1.0 / (c.length * sums.get(t).dense())
                    : 1.0 / (ranks.get(t) * denseCapacity);
        }
        return new CapacityShare(units, sums.toArray(KeptSum[]::new), c);
    }

    /** Number of units of the module. */
    int units() {
        return units;
    }

    /** The share retained by {@code kept}, in [0, 1]. */
    double of(UnitSet kept) {
        if (squares.length == 0 || kept.isFull()) {
            return 1.0;
        }
        double s = 0.0;
        for (int t = 0; t < squares.length; t++) {
            s += coefficients[t] * squares[t].of(kept);
        }
        return s;
    }

    /** What removing unit {@code u} alone takes from the share of the full set. */
    double unitLoss(int u) {
        double s = 0.0;
        for (int t = 0; t < squares.length; t++) {
            s += coefficients[t] * squares[t].unitMass(u);
        }
        return s;
    }
}
