package org.zeroprune.nas.model;

import java.nio.FloatBuffer;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/** A {@link WeightView} over a checkpoint tensor (or any float buffer). */
public final class TensorWeightView implements WeightView {
    private final String name;
    private final WeightRole role;
    private final boolean bias;
    private final int rows;
    private final int cols;
    private final boolean matrix;
    private final UnitCut rowCut;
    private final UnitCut colCut;
    private final FloatBuffer data;

    private TensorWeightView(String name, WeightRole role, boolean bias, int rows, int cols, boolean matrix,
            UnitCut rowCut, UnitCut colCut, FloatBuffer data) {
        this.name = name;
        this.role = role;
        this.bias = bias;
        this.rows = rows;
        this.cols = cols;
        this.matrix = matrix;
        this.rowCut = rowCut;
        this.colCut = colCut;
        this.data = data.asReadOnlyBuffer();
    }

    /** A matrix view of a two-dimensional tensor. */
    public static TensorWeightView matrix(Tensor tensor, WeightRole role, UnitCut rowCut, UnitCut colCut) {
        return matrix(tensor.name(), role, tensor.dim(0), tensor.dim(1), rowCut, colCut, tensor.floats());
    }

    /** A matrix view of a buffer. */
    public static TensorWeightView matrix(String name, WeightRole role, int rows, int cols, UnitCut rowCut,
            UnitCut colCut, FloatBuffer data) {
        return new TensorWeightView(name, role, false, rows, cols, true, rowCut, colCut, data);
    }

    /** A vector view of a one-dimensional tensor. */
    public static TensorWeightView vector(Tensor tensor, WeightRole role, boolean bias, UnitCut cut) {
        return vector(tensor.name(), role, bias, tensor.dim(0), cut, tensor.floats());
    }

    /** A vector view of a buffer. */
    public static TensorWeightView vector(String name, WeightRole role, boolean bias, int length, UnitCut cut,
            FloatBuffer data) {
        return new TensorWeightView(name, role, bias, length, 1, false, cut, UnitCut.NONE, data);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public WeightRole role() {
        return role;
    }

    @Override
    public boolean isBias() {
        return bias;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public boolean isMatrix() {
        return matrix;
    }

    @Override
    public UnitCut rowCut() {
        return rowCut;
    }

    @Override
    public UnitCut colCut() {
        return colCut;
    }

    @Override
    public FloatBuffer data() {
        return data.duplicate();
    }

    @Override
    public String toString() {
        return name + "[" + rows + (matrix ? "x" + cols : "") + "]";
    }
}
