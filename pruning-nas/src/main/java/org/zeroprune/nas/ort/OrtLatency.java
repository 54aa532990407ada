package org.zeroprune.nas.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.timing.AlternatingTimer;

/**
 * Forward latency of two ONNX models in ONNX Runtime, timed in alternation on the same batch of
 * random tokens (all real, no padding), each session with every graph optimisation.
 */
public final class OrtLatency {
    /** Untimed runs of each model before timing. */
    public static final int WARMUPS = 3;

    private OrtLatency() {
    }

    /**
     * Median milliseconds {@code {first, second}} of one forward pass over {@code batch} sequences of
     * {@code length} tokens with {@code threads} intra-op threads.
     *
     * @param vocabulary token ids are drawn below it
     */
    public static double[] compareMillis(Path first, Path second, int batch, int length, int threads, int vocabulary,
            int runs) {
        int[][] ids = AlternatingTimer.randomTokens(vocabulary, batch, length);
        try (OrtSession a = OrtSessions.open(first, threads); OrtSession b = OrtSessions.open(second, threads);
                OrtBatch inputs = OrtBatch.padded(OrtEnvironment.getEnvironment(), ids, 0, batch, 0)) {
            return AlternatingTimer.medianMillis(() -> a.run(inputs.inputs()).close(), () -> b.run(inputs.inputs()).close(),
                    WARMUPS, runs);
        } catch (OrtException e) {
            throw new ZeroPruneException("ONNX Runtime failed to time " + first + " against " + second + ": "
                    + e.getMessage(), e);
        }
    }
}
