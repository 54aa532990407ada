package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scalar that autograd keeps for the backward pass stays valid however much the JVM collects and
 * reallocates between the forward and the backward pass (DJL's {@code div(Number)} frees it at once;
 * end-to-end tuning saw NaN gradients from that).
 */
class ScalarsTest {

    @Test
    void aKeptScalarSurvivesCollectionBeforeTheBackwardPass() throws Exception {
        synchronized (MaskGradients.COLLECTOR) {
            try (NDManager scratch = TorchRuntime.engine().newBaseManager()) {
                NDArray x = scratch.create(new float[] {1, 2, 3, 4});
                x.setRequiresGradient(true);
                try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
                    NDArray y = x.div(Scalars.of(x, 4)).sum();
                    churnNativeMemory();
                    collector.backward(y);
                }
                for (float g : x.getGradient().toFloatArray()) {
                    assertEquals(0.25f, g, 0f);
                }
            }
        }
    }

    // collects garbage and refills freed small native blocks with NaN, so that a freed scalar is overwritten
    private static void churnNativeMemory() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            List<ByteBuffer> fill = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4);
                b.putFloat(0, Float.NaN);
                fill.add(b);
            }
            fill.clear();
        }
    }
}
