package org.zeroprune.nas.benchmark.flexibert;

import java.nio.FloatBuffer;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Weights with shapes and cuts but no values, for counting costs without drawing a single random
 * number. Their {@link WeightView#data()} fails; such views never reach a scoring strategy.
 */
public final class ShapeOnlyWeights implements WeightFactory {

    @Override
    public WeightView matrix(String name, WeightRole role, int rows, int cols, UnitCut rowCut, UnitCut colCut) {
        return new Shape(name, role, false, rows, cols, true, rowCut, colCut);
    }

    @Override
    public WeightView vector(String name, WeightRole role, boolean bias, int length, UnitCut cut, float value) {
        return new Shape(name, role, bias, length, 1, false, cut, UnitCut.NONE);
    }

    private record Shape(String name, WeightRole role, boolean isBias, int rows, int cols, boolean isMatrix,
            UnitCut rowCut, UnitCut colCut) implements WeightView {
        @Override
        public FloatBuffer data() {
            throw new UnsupportedOperationException(name + " was built for cost counting and has no values");
        }
    }
}
