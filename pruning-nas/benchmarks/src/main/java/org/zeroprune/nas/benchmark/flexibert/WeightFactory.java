package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Makes the weights of an architecture as {@link ArchitectureModelBuilder} asks for them, in a
 * fixed order. Whether they carry values ({@link GaussianWeights}) or only shapes
 * ({@link ShapeOnlyWeights}) is the factory's business.
 */
public interface WeightFactory {

    /**
     * A weight matrix in the {@code [out, in]} layout.
     *
     * @param name canonical name
     * @param role what the weight does
     * @param rows out features
     * @param cols in features
     * @param rowCut how removing units cuts the rows
     * @param colCut how removing units cuts the columns
     */
    WeightView matrix(String name, WeightRole role, int rows, int cols, UnitCut rowCut, UnitCut colCut);

    /**
     * A vector whose entries all equal {@code value}: a bias (0) or a LayerNorm's γ (1) or β (0).
     *
     * @param name canonical name
     * @param role what the vector belongs to
     * @param bias whether it is a bias
     * @param length its length
     * @param cut how removing units cuts it
     * @param value every entry's value
     */
    WeightView vector(String name, WeightRole role, boolean bias, int length, UnitCut cut, float value);
}
