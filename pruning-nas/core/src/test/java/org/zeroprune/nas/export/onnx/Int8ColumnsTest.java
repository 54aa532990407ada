package org.zeroprune.nas.export.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.checkpoint.Tensor;

/** Per-output-channel symmetric int8 of a small HF Linear weight, worked by hand. */
class Int8ColumnsTest {
    /** {@code [out 3, in 2]}: channel 0 peaks at 2.54, channel 1 at -1.27 (its magnitude counts), channel 2 is all zero. */
    private static final Tensor WEIGHT = Tensor.ofFloats("w", new int[] {3, 2}, new float[] {2.54f, -1.0f, 0.6f, -1.27f,
        0f, 0f});

    @Test
    void eachChannelIsScaledByItsLargestMagnitude() {
        assertArrayEquals(new float[] {0.02f, 0.01f, 0f}, Int8Columns.scales(WEIGHT, 127), 1e-7f);
        assertArrayEquals(new float[] {2.54f / 63, 1.27f / 63, 0f}, Int8Columns.scales(WEIGHT, 63), 1e-7f);
    }

    @Test
    void theQuantizedWeightIsStoredAsMatMulsInByOut() {
        // stored [in 2, out 3]: row i holds input i of every channel; -1.0 / 0.02 = -50, 0.6 / 0.01 = 60
        assertArrayEquals(new byte[] {127, 60, 0, -50, -127, 0}, bytes(Int8Columns.quantized(WEIGHT, 127)));
        // 7 bits: 0.6 / (1.27 / 63) = 29.8 -> 30, -1.0 / (2.54 / 63) = -24.8 -> -25
        assertArrayEquals(new byte[] {63, 30, 0, -25, -63, 0}, bytes(Int8Columns.quantized(WEIGHT, 63)));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return b;
    }
}
