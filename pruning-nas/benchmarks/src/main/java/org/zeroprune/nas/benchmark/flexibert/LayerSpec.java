package org.zeroprune.nas.benchmark.flexibert;

import java.util.Objects;

/**
 * One encoder layer of a FlexiBERT architecture.
 *
 * @param operation the token-mixing operation
 * @param parameter the operation's parameter as written in the data: {@code SDP} or {@code WMA} for
 *     SA, {@code DFT} or {@code DCT} for LT, the kernel size ({@code 5}, {@code 9}) for DSC
 * @param heads {@code a}, the number of operation heads ({@code num_operation_heads})
 * @param ffnWidth {@code D}, the width of the FFN's hidden layers ({@code feed_forward_dimension})
 * @param ffnCount {@code n}, the number of stacked FFN hidden layers ({@code num_feed_forward})
 */
public record LayerSpec(OperationType operation, String parameter, int heads, int ffnWidth, int ffnCount) {

    /** Checks the values; the messages name the field. */
    public LayerSpec {
        Objects.requireNonNull(operation, "operation_type");
        Objects.requireNonNull(parameter, "operation_parameter");
        requirePositive(heads, "num_operation_heads");
        requirePositive(ffnWidth, "feed_forward_dimension");
        requirePositive(ffnCount, "num_feed_forward");
        switch (operation) {
            case SA -> requireOneOf(parameter, "SDP", "WMA");
            case LT -> requireOneOf(parameter, "DFT", "DCT");
            case DSC -> kernelOf(parameter);
        }
    }

    /** Whether this is weighted multiplicative attention (SA/WMA). */
    public boolean isWeightedAttention() {
        return operation == OperationType.SA && parameter.equals("WMA");
    }

    /** The convolution kernel size {@code k} of a DSC layer. */
    public int kernelSize() {
        if (operation != OperationType.DSC) {
            throw new IllegalStateException(operation + " has no kernel size");
        }
        return kernelOf(parameter);
    }

    /** {@code a' = max(1, a/2)}: the convolution heads of a DSC layer. */
    public int convolutionHeads() {
        return Math.max(1, heads / 2);
    }

    private static int kernelOf(String parameter) {
        int k;
        try {
            k = Integer.parseInt(parameter);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("operation_parameter: DSC needs a kernel size, got '" + parameter + "'");
        }
        requirePositive(k, "operation_parameter");
        return k;
    }

    private static void requirePositive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": must be positive, got " + value);
        }
    }

    private static void requireOneOf(String value, String a, String b) {
        if (!value.equals(a) && !value.equals(b)) {
            throw new IllegalArgumentException("operation_parameter: expected " + a + " or " + b + ", got '" + value + "'");
        }
    }
}
