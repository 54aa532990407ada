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

    /** Canonical name, for example {@code encoder.layer.3.attention.self.query.weight}. */
    String name();

    /** What the weight does. */
    WeightRole role();

    /** Whether this is a bias (a vector added after a projection). */
    boolean isBias();

    /** Number of rows ({@code out} features), or the length of a vector. */
    int rows();

    /** Number of columns ({@code in} features); 1 for a vector. */
    int cols();

    /** Whether the weight has two dimensions. */
    boolean isMatrix();

    /** How removing units of the module cuts the rows (or the vector). */
    UnitCut rowCut();

    /** How removing units of the module cuts the columns; {@link UnitCut#NONE} for a vector. */
    UnitCut colCut();

    /**
     * The values, row-major, {@code rows() * cols()} floats, read-only. The buffer's position is 0;
     * callers may move it, each call returns a fresh view.
     */
    FloatBuffer data();

    /** One value. */
    default float get(int row, int col) {
        return data().get(row * cols() + col);
    }

    /** Copies row {@code row} into {@code destination[0 .. cols())}. */
    default void copyRow(int row, float[] destination) {
        data().get(row * cols(), destination, 0, cols());
    }
}
