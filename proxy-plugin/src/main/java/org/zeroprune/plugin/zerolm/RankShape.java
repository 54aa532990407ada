package org.zeroprune.plugin.zerolm;

import java.util.Comparator;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightView;

/**
 * How the rank bound {@code r = min(m', n')} of a masked matrix depends on the number {@code k}
 * of kept units: a cut axis keeps {@code k × unitSize} indices, an uncut one its full length.
 * Matrices of one module with equal shapes have equal {@code r} for every mask, so their squared
 * Frobenius norms can be summed before dividing by {@code r}. The two axes are stored in a fixed
 * order (min is symmetric), so an {@code m × n} matrix cut on rows and an {@code n × m} one cut on
 * columns share a shape.
 *
 * @param first one axis, see {@link Axis}
 * @param second the other axis
 */
record RankShape(Axis first, Axis second) {
    private static final Comparator<Axis> ORDER = Comparator.comparingInt(Axis::unitSize)
            .thenComparingInt(Axis::fixedLength);

    /**
     * One axis.
     *
     * @param unitSize indices per unit when cut, else 0
     * @param fixedLength the axis length when not cut, else 0
     */
    record Axis(int unitSize, int fixedLength) {
        static Axis of(int length, UnitCut cut) {
            return cut.isCut() ? new Axis(cut.unitSize(), 0) : new Axis(0, length);
        }

        int kept(int units) {
            return unitSize > 0 ? units * unitSize : fixedLength;
        }
    }

    /** The shape of a matrix. */
    static RankShape of(WeightView matrix) {
        Axis rows = Axis.of(matrix.rows(), matrix.rowCut());
        Axis cols = Axis.of(matrix.cols(), matrix.colCut());
        return ORDER.compare(rows, cols) <= 0 ? new RankShape(rows, cols) : new RankShape(cols, rows);
    }

    /** {@code r = min(m', n')} when {@code units} units are kept. */
    int rank(int units) {
        return Math.min(first.kept(units), second.kept(units));
    }
}
