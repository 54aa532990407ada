package org.zeroprune.nas.export;

/**
 * Whether an export also writes {@code model_qint8.onnx} beside {@code model.onnx}: {@code output.quantize}
 * and {@code --quantize}, with {@code output.reduce-range} and {@code --reduce-range}.
 *
 * @param int8 whether the int8 model is written
 * @param reduceRange whether its weights use 7 bits (for CPUs without VNNI)
 */
public record Quantization(boolean int8, boolean reduceRange) {
    /** The float model alone. */
    public static final Quantization NONE = new Quantization(false, false);
    /** The names accepted in configuration. */
    public static final String NAMES = "none, int8";

    /**
     * The quantization called {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Quantization named(String name, boolean reduceRange) {
        return switch (name) {
            case "none" -> NONE;
            case "int8" -> new Quantization(true, reduceRange);
            default -> throw new IllegalArgumentException("quantization '" + name + "'; expected one of " + NAMES);
        };
    }
}
