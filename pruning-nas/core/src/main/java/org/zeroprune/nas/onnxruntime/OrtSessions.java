package org.zeroprune.nas.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.zeroprune.nas.ZeroPruneException;

/** ONNX Runtime sessions as a deployment would open them: every graph optimisation on, on the CPU, without spinning. */
public final class OrtSessions {
    private OrtSessions() {
    }

    /**
     * A session over {@code model} (external data is found beside it) with {@code threads} intra-op
     * threads ({@code 0}: ONNX Runtime's default, one per core) and all graph optimisations.
     *
     * @throws ZeroPruneException naming the file when ONNX Runtime refuses it
     */
    public static OrtSession open(Path model, int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // idle intra-op threads otherwise spin-wait for work, which is slow on a shared machine (as PyTorch's
            // OpenMP workers, see OMP_WAIT_POLICY in the launcher)
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return OrtEnvironment.getEnvironment().createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new ZeroPruneException(model + ": ONNX Runtime cannot load it (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")", e);
        }
    }
}
