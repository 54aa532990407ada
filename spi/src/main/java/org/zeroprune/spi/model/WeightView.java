package org.zeroprune.spi.model;

import java.nio.FloatBuffer;

/**
 * One read-only weight tensor, a matrix or a vector.
 *
 * <p>Matrices are in the HuggingFace {@code Linear} layout {@code [out, in]}: row {@code i} holds
 * the weights that produce output feature {@code i}. A vector has {@code cols() == 1}. Values are
 * stored as 32-bit floats whatever the checkpoint's dtype.
 */
public interface WeightView {

    /** {@return canonical name, for example {@code encoder.layer.3.attention.self.query.weight}} */
    String name();

    /** {@return what the weight does} */
    WeightRole role();

    /** {@return whether this is a bias (a vector added after a projection)} */
    boolean isBias();

    /** {@return number of rows ({@code out} features), or the length of a vector} */
    int rows();

    /** {@return number of columns ({@code in} features); 1 for a vector} */
    int cols();

    /** {@return whether the weight has two dimensions} */
    boolean isMatrix();

    /** {@return how removing units of the module cuts the rows (or the vector)} */
    UnitCut rowCut();

    /** {@return how removing units of the module cuts the columns; {@link UnitCut#NONE} for a vector} */
    UnitCut colCut();

    /**
     * {@return the values, row-major, {@code rows() * cols()} floats, read-only} The buffer's position is 0;
     * callers may move it, each call returns a fresh view.
     */
    FloatBuffer data();

    /**
     * {@return one value}
     *
     * @param row the row
     * @param col the column
     */
    default float get(int row, int col) {
        return data().get(row * cols() + col);
    }

    /**
     * Copies row {@code row} into {@code destination[0 .. cols())}.
     *
     * @param row the row
     * @param destination at least {@code cols()} long
     */
    default void copyRow(int row, float[] destination) {
        data().get(row * cols(), destination, 0, cols());
    }
}
