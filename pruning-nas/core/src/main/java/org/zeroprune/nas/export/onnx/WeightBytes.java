package org.zeroprune.nas.export.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.Tensor;

/** A weight's values as ONNX stores them: little-endian, row-major, transposed where asked. */
final class WeightBytes {
    private WeightBytes() {
    }

    /** A new little-endian buffer holding {@code tensor}'s values as stored (transposed if asked), position 0. */
    static ByteBuffer floats(Tensor tensor, boolean transposed) {
        ByteBuffer bytes = allocate(tensor.name(), 4 * tensor.numel());
        FloatBuffer out = bytes.asFloatBuffer();
        FloatBuffer values = tensor.floats();
        if (!transposed) {
            out.put(values);
            return bytes;
        }
        int rows = tensor.dim(0);
        int cols = tensor.dim(1);
        // HF [out, in] to MatMul [in, out]: row c of the result is column c of the source
        float[] row = new float[cols];
        for (int r = 0; r < rows; r++) {
            values.get(r * cols, row, 0, cols);
            for (int c = 0; c < cols; c++) {
                out.put(c * rows + r, row[c]);
            }
        }
        return bytes;
    }

    /** A new zeroed little-endian buffer of {@code size} bytes for tensor {@code name}. */
    static ByteBuffer allocate(String name, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new ZeroPruneException("tensor '" + name + "' has " + size
                    + " bytes; the ONNX export holds at most 2 GiB per tensor");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
