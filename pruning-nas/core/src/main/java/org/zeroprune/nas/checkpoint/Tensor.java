package org.zeroprune.nas.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One named tensor of a checkpoint. Weight types (F32, F16, BF16) are exposed as 32-bit floats;
 * other types (integer buffers such as {@code position_ids}) are kept as raw little-endian bytes and
 * carried through an export unchanged.
 */
public final class Tensor {
    private final String name;
    private final DType dtype;
    private final int[] shape;
    private final FloatBuffer floats;
    private final ByteBuffer raw;

    private Tensor(String name, DType dtype, int[] shape, FloatBuffer floats, ByteBuffer raw) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.floats = floats;
        this.raw = raw;
    }

    /** A float tensor over {@code values} (row-major); the buffer is not copied. */
    public static Tensor ofFloats(String name, DType storedAs, int[] shape, FloatBuffer values) {
        long numel = numel(shape);
        if (values.remaining() != numel) {
            throw new IllegalArgumentException(name + ": " + values.remaining() + " values for shape "
                    + Arrays.toString(shape));
        }
        return new Tensor(name, storedAs, shape, values.slice().asReadOnlyBuffer(), null);
    }

    /** A float tensor over a heap array (row-major); the array is not copied. */
    public static Tensor ofFloats(String name, int[] shape, float[] values) {
        return ofFloats(name, DType.F32, shape, FloatBuffer.wrap(values));
    }

    /** A tensor of a non-weight type, as raw little-endian bytes. */
    public static Tensor ofRaw(String name, DType dtype, int[] shape, ByteBuffer bytes) {
        long expected = numel(shape) * dtype.bytes();
        if (bytes.remaining() != expected) {
            throw new IllegalArgumentException(name + ": " + bytes.remaining() + " bytes, expected " + expected);
        }
        return new Tensor(name, dtype, shape, null, bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer());
    }

    /** Number of elements of a shape; an empty shape is a scalar of one element. */
    public static long numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, (long) d);
        }
        return n;
    }

    /** The tensor's name. */
    public String name() {
        return name;
    }

    /** The same data under another name. */
    public Tensor renamed(String newName) {
        return new Tensor(newName, dtype, shape, floats, raw);
    }

    /** The type the tensor was stored as. */
    public DType dtype() {
        return dtype;
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}. */
    public int dim(int i) {
        return shape[i];
    }

    /** Number of elements. */
    public long numel() {
        return numel(shape);
    }

    /** Whether the values are floats (F32, F16, BF16 in the file). */
    public boolean isFloat() {
        return floats != null;
    }

    /** The values as floats, row-major, read-only, position 0. */
    public FloatBuffer floats() {
        if (floats == null) {
            throw new IllegalStateException(name + " is " + dtype + ", not a float tensor");
        }
        return floats.duplicate();
    }

    /** The values copied into a new array. */
    public float[] toFloatArray() {
        float[] out = new float[(int) numel()];
        floats().get(out);
        return out;
    }

    /** Raw little-endian bytes of a non-float tensor, read-only, position 0. */
    public ByteBuffer raw() {
        if (raw == null) {
            throw new IllegalStateException(name + " is a float tensor");
        }
        return raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
