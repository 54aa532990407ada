package org.zeroprune.nas.export.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.zeroprune.nas.ZeroPruneException;

/** A weight's float32 values as ONNX stores them: little-endian, row-major, transposed where asked. */
final class WeightBytes {
    private WeightBytes() {
    }

    /** A new little-endian buffer holding {@code weight}'s values as stored, position 0. */
    static ByteBuffer of(NodeGraph.Weight weight) {
        if (weight.bytes() > Integer.MAX_VALUE - 8) {
            throw new ZeroPruneException("tensor '" + weight.tensor().name() + "' has " + weight.bytes()
                    + " bytes; the ONNX export holds at most 2 GiB per tensor");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) weight.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer out = bytes.asFloatBuffer();
        FloatBuffer values = weight.tensor().floats();
        if (!weight.transposed()) {
            out.put(values);
            return bytes;
        }
        int rows = weight.tensor().dim(0);
        int cols = weight.tensor().dim(1);
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
}
