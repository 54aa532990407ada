package org.zeroprune.spi.model;

/**
 * How one axis of a weight is cut when units of its module are removed.
 *
 * <p>With {@code unitSize = s > 0}, unit {@code u} owns the indices {@code [u*s, (u+1)*s)} of the
 * axis, and the axis length is {@code unitCount * s}. With {@code unitSize = 0} ({@link #NONE}) the
 * axis is never cut. Example for BERT with head size 64: the query weight ({@code [out, in]}) has
 * rows cut by {@code UnitCut.of(64)} and columns {@link #NONE}; the FFN output weight has columns
 * cut by {@code UnitCut.of(1)}.
 *
 * @param unitSize indices per unit along the axis, or 0 when the axis is not cut
 */
public record UnitCut(int unitSize) {

    /** The axis is not affected by the mask. */
    public static final UnitCut NONE = new UnitCut(0);

    /**
     * Checks the size.
     *
     * @param unitSize indices per unit along the axis, or 0 for an axis the mask does not affect
     */
    public UnitCut {
        if (unitSize < 0) {
            throw new IllegalArgumentException("unit size must be >= 0, got " + unitSize);
        }
    }

    /**
     * {@return an axis cut in blocks of {@code unitSize} indices per unit}
     *
     * @param unitSize indices per unit, at least 1
     */
    public static UnitCut of(int unitSize) {
        if (unitSize == 0) {
            return NONE;
        }
        return new UnitCut(unitSize);
    }

    /** {@return whether the mask affects this axis} */
    public boolean isCut() {
        return unitSize > 0;
    }

    /**
     * {@return the length of this axis that remains when {@code keptUnits} units are kept}
     *
     * @param fullLength the axis's length in the dense model
     * @param keptUnits units kept
     */
    public int keptLength(int fullLength, int keptUnits) {
        return isCut() ? keptUnits * unitSize : fullLength;
    }
}
