package org.zeroprune.nas.forward;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Access to DJL's PyTorch engine, kept offline: DJL is told never to download anything before the
 * engine loads, so the native library must come from the {@code pytorch-native-cpu} jar on the
 * class path. PyTorch's default thread counts are left as they are (one intra-op thread per core).
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
     * Switches PyTorch's gradient recording off on this thread until the returned scope closes,
     * then restores the previous setting. Inference needs no autograd graph.
     */
    public static Scope noGradient() {
        engine();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return () -> JniUtils.setGradMode(previous);
    }

    /** A scope that restores a setting when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
