package org.zeroprune.nas.checkpoint;

/** Conversions between 32-bit floats and the 16-bit formats F16 (IEEE half) and BF16. */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** IEEE 754 half precision to float. */
    public static float f16ToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal half: value = mantissa * 2^-24
            float value = mantissa * 0x1.0p-24f;
            return sign == 0 ? value : -value;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Float to IEEE 754 half precision, rounding to nearest even. */
    public static short floatToF16(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exponent = (f >>> 23) & 0xff;
        int mantissa = f & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int e = exponent - 112;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            int m = mantissa | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int remainder = m & ((1 << shift) - 1);
            int midpoint = 1 << (shift - 1);
            if (remainder > midpoint || (remainder == midpoint && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mantissa >>> 13);
        int remainder = mantissa & 0x1fff;
        if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** BF16 to float: the 16 bits are the float's high half. */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** Float to BF16, rounding to nearest even. */
    public static short floatToBf16(float value) {
        int f = Float.floatToRawIntBits(value);
        if ((f & 0x7f800000) == 0x7f800000 && (f & 0x7fffff) != 0) {
            return (short) ((f >>> 16) | 0x40);
        }
        int rounding = 0x7fff + ((f >>> 16) & 1);
        return (short) ((f + rounding) >>> 16);
    }
}
