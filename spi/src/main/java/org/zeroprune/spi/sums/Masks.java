package org.zeroprune.spi.sums;

import org.zeroprune.spi.mask.UnitSet;

/** Cheap checks that a candidate's unit sets fit the prepared model. */
public final class Masks {
    private Masks() {
    }

    /**
     * Returns {@code kept} if it ranges over {@code units} units.
     *
     * @throws IllegalArgumentException naming the layer and both sizes
     */
    public static UnitSet checked(UnitSet kept, int units, int layer, String what) {
        if (kept.size() != units) {
            throw new IllegalArgumentException("layer " + layer + ": mask covers " + kept.size() + " " + what
                    + ", the prepared model has " + units);
        }
        return kept;
    }
}
