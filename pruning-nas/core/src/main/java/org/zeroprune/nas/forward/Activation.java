package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/** The FFN activations of HuggingFace BERT configurations ({@code hidden_act}). */
public enum Activation {
    /** HF {@code gelu}: the exact GELU, {@code x·Φ(x)} with the error function. */
    GELU_ERF,
    /** HF {@code gelu_new}, {@code gelu_pytorch_tanh}, {@code gelu_fast}: the tanh approximation of GELU. */
    GELU_TANH,
    /** HF {@code relu}. */
    RELU;

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /**
     * The activation a configuration names.
     *
     * @throws IllegalArgumentException for a name HF BERT does not use
     */
    public static Activation forName(String hiddenAct) {
        return switch (hiddenAct.toLowerCase(Locale.ROOT)) {
            case "gelu" -> GELU_ERF;
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> GELU_TANH;
            case "relu" -> RELU;
            default -> throw new IllegalArgumentException("hidden_act '" + hiddenAct
                    + "' is not supported; expected gelu, gelu_new, gelu_pytorch_tanh, gelu_fast or relu");
        };
    }

    /** The activation of {@code x}, a new array in {@code x}'s manager. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            // DJL's PyTorch gelu is torch.nn.functional.gelu with approximate='none'
            case GELU_ERF -> x.getNDArrayInternal().gelu();
            case GELU_TANH -> {
                // no in-place operations: autograd keeps tanh's output for the mask gradients
                NDArray cube = x.mul(x).mul(x);
                NDArray inner = cube.mul(Scalars.of(x, 0.044715)).add(x).mul(Scalars.of(x, SQRT_2_OVER_PI)).tanh();
                yield inner.add(1).mul(x).mul(Scalars.of(x, 0.5));
            }
            case RELU -> x.getNDArrayInternal().relu();
        };
    }
}
