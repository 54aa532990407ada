package org.zeroprune.spi.sums;

import org.zeroprune.spi.mask.UnitSet;

/** Cheap checks that a candidate's unit sets fit the prepared model. */
public final class Masks {
    private Masks() {
    }

    /**
     * Returns {@code kept} if it ranges over {@code units} units.
     *
     * @param kept a candidate's unit set for one module
     * @param units the prepared module's number of units
     * @param layer the layer index, for the message
     * @param what the unit's name in the message ({@code heads}, {@code neurons})
     * @return {@code kept}
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
