package org.zeroprune.spi.sums;

import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightView;

/** Checks that a weight's cut axes agree with its module's unit count. */
public final class WeightCuts {
    private WeightCuts() {
    }

    /**
     * Fails unless every cut axis of {@code weight} has length {@code units × unitSize}.
     *
     * @param weight a weight of the module
     * @param units the module's number of units
     * @throws ScoringException naming the weight, the axis and both lengths
     */
    public static void check(WeightView weight, int units) {
        checkAxis(weight, "rows", weight.rows(), weight.rowCut(), units);
        checkAxis(weight, "columns", weight.cols(), weight.colCut(), units);
    }

    private static void checkAxis(WeightView weight, String axis, int length, UnitCut cut, int units) {
        if (cut.isCut() && (long) units * cut.unitSize() != length) {
            throw new ScoringException("weight '" + weight.name() + "' has " + length + " " + axis + ", but its module's "
                    + units + " units of " + cut.unitSize() + " " + axis + " each need " + (long) units * cut.unitSize());
        }
    }
}
