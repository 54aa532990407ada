package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final float[] X = {-3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f};

    @Test
    void exactGeluUsesTheErrorFunction() {
        // x·Φ(x) from a high-precision reference
        float[] expected = {-0.0040496f, -0.1586553f, -0.1542687f, 0f, 0.3457313f, 0.8413447f, 2.9959503f};
        assertArrayEquals(expected, apply(Activation.GELU_ERF), 1e-6f);
    }

    @Test
    void tanhGeluFollowsTheApproximation() {
        float[] expected = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            double x = X[i];
            expected[i] = (float) (0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
        }
        assertArrayEquals(expected, apply(Activation.GELU_TANH), 1e-6f);
    }

    @Test
    void reluClampsNegatives() {
        assertArrayEquals(new float[] {0, 0, 0, 0, 0.5f, 1, 3}, apply(Activation.RELU), 0f);
    }

    @Test
    void namesMapLikeHuggingFace() {
        assertEquals(Activation.GELU_ERF, Activation.forName("gelu"));
        assertEquals(Activation.GELU_TANH, Activation.forName("gelu_new"));
        assertEquals(Activation.GELU_TANH, Activation.forName("gelu_pytorch_tanh"));
        assertEquals(Activation.GELU_TANH, Activation.forName("gelu_fast"));
        assertEquals(Activation.RELU, Activation.forName("relu"));
        assertThrows(IllegalArgumentException.class, () -> Activation.forName("swish"));
    }

    private static float[] apply(Activation activation) {
        try (NDManager manager = TorchRuntime.newManager()) {
            NDArray x = manager.create(X);
            return activation.apply(x).toFloatArray();
        }
    }
}
