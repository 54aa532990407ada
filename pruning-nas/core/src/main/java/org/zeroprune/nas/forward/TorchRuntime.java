package org.zeroprune.nas.forward;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Access to DJL's PyTorch engine, kept offline: DJL is told never to download anything before the
 * engine loads, so the native library must come from the {@code pytorch-native-cpu} jar on the
 * class path. PyTorch's default thread counts are left as they are (one intra-op thread per core;
 * DJL's {@code ai.djl.pytorch.num_threads} system property overrides it).
 *
 * <p>On a machine shared with other busy processes, start the JVM with {@code OMP_WAIT_POLICY=PASSIVE}
 * in the environment: PyTorch's OpenMP threads otherwise spin-wait for one another, and on a loaded
 * two-core machine a forward pass ran three to five times slower without it.
 */
public final class TorchRuntime {
    /** Name of the DJL engine every forward pass runs on. */
    public static final String ENGINE = "PyTorch";

    private TorchRuntime() {
    }

    /** The PyTorch engine, loaded now if needed, with downloads switched off. */
    public static Engine engine() {
        System.setProperty("ai.djl.offline", "true");
        return Engine.getEngine(ENGINE);
    }

    /** A new root manager on the PyTorch engine's CPU device; the caller closes it. */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /**
     * Runs {@code work} with PyTorch's gradient recording off on this thread, then restores the
     * previous setting. Inference needs no autograd graph.
     */
    public static <T> T withoutGradient(Supplier<T> work) {
        engine();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
