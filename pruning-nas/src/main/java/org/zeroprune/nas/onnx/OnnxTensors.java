package org.zeroprune.nas.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Reads the values of ONNX initializers and constants. */
final class OnnxTensors {
    static final int FLOAT = 1;
    static final int INT64 = 7;

    private OnnxTensors() {
    }

    static int[] shape(TensorProto t) {
        List<Long> dims = t.getDimsList();
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.toIntExact(dims.get(i));
        }
        return shape;
    }

    static long numel(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        return n;
    }

    /** The values of a FLOAT tensor, row-major. */
    static float[] floats(TensorProto t) {
        if (t.getDataType() != FLOAT) {
            throw new OnnxImportException("initializer '" + t.getName() + "' has ONNX data type " + t.getDataType()
                    + "; expected 1 (FLOAT)");
        }
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new OnnxImportException("initializer '" + t.getName()
                    + "' is stored in an external data file, which is not supported; export with the weights inside"
                    + " the .onnx file");
        }
        int n = Math.toIntExact(numel(t));
        float[] values = new float[n];
        if (!t.getRawData().isEmpty()) {
            if (t.getRawData().size() != 4L * n) {
                throw new OnnxImportException("initializer '" + t.getName() + "' has " + t.getRawData().size()
                        + " raw bytes; expected " + (4L * n) + " for its shape");
            }
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            if (t.getFloatDataCount() != n) {
                throw new OnnxImportException("initializer '" + t.getName() + "' has " + t.getFloatDataCount()
                        + " values; expected " + n + " for its shape");
            }
            for (int i = 0; i < n; i++) {
                values[i] = t.getFloatData(i);
            }
        }
        return values;
    }

    /** Little-endian bytes of an INT64 tensor. */
    static ByteBuffer int64Bytes(TensorProto t) {
        int n = Math.toIntExact(numel(t));
        ByteBuffer out = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        if (!t.getRawData().isEmpty()) {
            out.put(t.getRawData().asReadOnlyByteBuffer());
        } else {
            for (int i = 0; i < n; i++) {
                out.putLong(t.getInt64Data(i));
            }
        }
        return out.flip();
    }

    /** A scalar (or one-element) float value of a constant tensor, if it is one. */
    static java.util.Optional<Double> scalar(TensorProto t) {
        if (numel(t) != 1) {
            return java.util.Optional.empty();
        }
        if (t.getDataType() == FLOAT) {
            return java.util.Optional.of((double) floats(t)[0]);
        }
        if (t.getDataType() == 11) { // DOUBLE
            if (!t.getRawData().isEmpty()) {
                return java.util.Optional.of(t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getDouble());
            }
            return java.util.Optional.of(t.getDoubleData(0));
        }
        return java.util.Optional.empty();
    }

    /** Transposes a row-major {@code [rows, cols]} matrix. */
    static float[] transpose(float[] values, int rows, int cols) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }
}
