package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.List;
import org.zeroprune.nas.checkpoint.HalfFloats;

/** Reads the values of ONNX initializers and constants. */
final class OnnxTensors {
    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int FLOAT16 = 10;
    static final int BFLOAT16 = 16;

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

    /** Whether {@code t} holds floating-point values that {@link #floats} reads (float32, float16, bfloat16). */
    static boolean isFloating(TensorProto t) {
        return t.getDataType() == FLOAT || t.getDataType() == FLOAT16 || t.getDataType() == BFLOAT16;
    }

    /** The values of a FLOAT, FLOAT16 or BFLOAT16 tensor as float32, row-major. */
    static float[] floats(TensorProto t) {
        if (!isFloating(t)) {
            throw new OnnxImportException("initializer '" + t.getName() + "' has ONNX data type " + t.getDataType()
                    + "; expected 1 (FLOAT), 10 (FLOAT16) or 16 (BFLOAT16)");
        }
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new OnnxImportException("initializer '" + t.getName()
                    + "' is stored in an external data file, which is not supported; export with the weights inside"
                    + " the .onnx file");
        }
        int n = Math.toIntExact(numel(t));
        return t.getDataType() == FLOAT ? floats32(t, n) : floats16(t, n);
    }

    private static float[] floats32(TensorProto t, int n) {
        float[] values = new float[n];
        if (!t.getRawData().isEmpty()) {
            requireRawBytes(t, 4L * n);
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            requireValues(t, t.getFloatDataCount(), n);
            for (int i = 0; i < n; i++) {
                values[i] = t.getFloatData(i);
            }
        }
        return values;
    }

    /** Half-precision values widened to float32 (an fp16 export's weights lose nothing more). */
    private static float[] floats16(TensorProto t, int n) {
        boolean brain = t.getDataType() == BFLOAT16;
        float[] values = new float[n];
        if (!t.getRawData().isEmpty()) {
            requireRawBytes(t, 2L * n);
            ShortBuffer bits = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            for (int i = 0; i < n; i++) {
                values[i] = widen(bits.get(i), brain);
            }
        } else {
            // ONNX keeps 16-bit values in int32_data, one per element
            requireValues(t, t.getInt32DataCount(), n);
            for (int i = 0; i < n; i++) {
                values[i] = widen((short) t.getInt32Data(i), brain);
            }
        }
        return values;
    }

    private static float widen(short bits, boolean brain) {
        return brain ? HalfFloats.bf16ToFloat(bits) : HalfFloats.f16ToFloat(bits);
    }

    private static void requireRawBytes(TensorProto t, long expected) {
        if (t.getRawData().size() != expected) {
            throw new OnnxImportException("initializer '" + t.getName() + "' has " + t.getRawData().size()
                    + " raw bytes; expected " + expected + " for its shape");
        }
    }

    private static void requireValues(TensorProto t, int count, int expected) {
        if (count != expected) {
            throw new OnnxImportException("initializer '" + t.getName() + "' has " + count + " values; expected "
                    + expected + " for its shape");
        }
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
        if (isFloating(t)) {
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
