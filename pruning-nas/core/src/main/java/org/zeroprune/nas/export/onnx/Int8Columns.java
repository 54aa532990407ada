package org.zeroprune.nas.export.onnx;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * Symmetric int8 quantization of an HF Linear weight per output channel: the weight {@code W}
 * ({@code [out, in]}) is stored as MatMul's {@code [in, out]} with column {@code j} scaled by
 * {@code scale_j = max_i |W_ji| / levels} and rounded to the nearest integer (ties to even, as ONNX
 * rounds), zero point 0. Per column rather than per tensor because one outlier column would otherwise
 * flatten the resolution of all the others.
 */
final class Int8Columns {
    private Int8Columns() {
    }

    /** The scale of each output channel: its largest magnitude over {@code levels}; 0 for an all-zero channel. */
    static float[] scales(Tensor weight, int levels) {
        int out = weight.dim(0);
        int in = weight.dim(1);
        FloatBuffer values = weight.floats();
        float[] scales = new float[out];
        for (int j = 0; j < out; j++) {
            float max = 0;
            for (int i = 0; i < in; i++) {
                max = Math.max(max, Math.abs(values.get(j * in + i)));
            }
            scales[j] = max / levels;
        }
        return scales;
    }

    /** The quantized weight as stored, {@code [in, out]}, one signed byte each. */
    static ByteBuffer quantized(Tensor weight, int levels) {
        int out = weight.dim(0);
        int in = weight.dim(1);
        float[] scales = scales(weight, levels);
        FloatBuffer values = weight.floats();
        ByteBuffer bytes = WeightBytes.allocate(weight.name(), (long) in * out);
        for (int j = 0; j < out; j++) {
            if (scales[j] == 0) {
                continue;
            }
            for (int i = 0; i < in; i++) {
                long q = (long) Math.rint(values.get(j * in + i) / scales[j]);
                bytes.put(i * out + j, (byte) Math.max(-levels, Math.min(levels, q)));
            }
        }
        return bytes;
    }

    /** Little-endian float32 bytes of {@code values}. */
    static ByteBuffer floats(String name, float[] values) {
        ByteBuffer bytes = WeightBytes.allocate(name, 4L * values.length);
        bytes.asFloatBuffer().put(values);
        return bytes;
    }
}
