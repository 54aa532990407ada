package org.zeroprune.nas.latency;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.onnxruntime.OrtBatch;
import org.zeroprune.nas.onnxruntime.OrtSessions;

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
     * {@code length} tokens with {@code threads} intra-op threads, {@code runs} timed runs each.
     *
     * @param vocabulary token ids are drawn below it
     */
    public static double[] compareMillis(Path first, Path second, int batch, int length, int threads, int vocabulary,
            int runs) {
        return timed(first, second, batch, length, threads, vocabulary, (a, b) -> AlternatingTimer.medianMillis(a, b,
                WARMUPS, runs));
    }

    /**
     * As {@link #compareMillis}, timed until the speed-up is precise or until {@code deadline}
     * (epoch milliseconds), after one warm-up: what a prune's summary reports within its budget.
     */
    public static PairedTiming compareUntil(Path first, Path second, int batch, int length, int threads, int vocabulary,
            long deadline) {
        return timed(first, second, batch, length, threads, vocabulary, (a, b) -> AlternatingTimer.measure(a, b, 1,
                StopRule.DEFAULT, LatencyBudget.toNanoTime(deadline), System::nanoTime));
    }

    /**
     * Median milliseconds of each of {@code models} (in their order) on one batch of {@code batch}
     * sequences of {@code length} random tokens, every model once per round, {@code runs} timed rounds
     * after {@link #WARMUPS}; a model that declares no {@code token_type_ids} input is run without it.
     */
    public static double[] medianMillis(List<Path> models, int batch, int length, int threads, int vocabulary, int runs) {
        int[][] ids = AlternatingTimer.randomTokens(vocabulary, batch, length);
        List<OrtSession> sessions = new ArrayList<>();
        try (OrtBatch inputs = OrtBatch.padded(OrtEnvironment.getEnvironment(), ids, 0, batch, 0)) {
            List<AlternatingTimer.Run> runners = new ArrayList<>();
            for (Path model : models) {
                OrtSession session = OrtSessions.open(model, threads);
                sessions.add(session);
                Map<String, OnnxTensor> own = new HashMap<>(inputs.inputs());
                own.keySet().retainAll(session.getInputNames());
                runners.add(() -> session.run(own).close());
            }
            return AlternatingTimer.medianMillis(runners, WARMUPS, runs);
        } catch (OrtException e) {
            throw new ZeroPruneException("ONNX Runtime failed to time " + models + ": " + e.getMessage(), e);
        } finally {
            for (OrtSession s : sessions) {
                try {
                    s.close();
                } catch (OrtException e) {
                    // closing frees native memory only; the timings stand
                }
            }
        }
    }

    private static <T> T timed(Path first, Path second, int batch, int length, int threads, int vocabulary,
            BiFunction<AlternatingTimer.Run, AlternatingTimer.Run, T> timing) {
        int[][] ids = AlternatingTimer.randomTokens(vocabulary, batch, length);
        try (OrtSession a = OrtSessions.open(first, threads); OrtSession b = OrtSessions.open(second, threads);
                OrtBatch inputs = OrtBatch.padded(OrtEnvironment.getEnvironment(), ids, 0, batch, 0)) {
            return timing.apply(() -> a.run(inputs.inputs()).close(), () -> b.run(inputs.inputs()).close());
        } catch (OrtException e) {
            throw new ZeroPruneException("ONNX Runtime failed to time " + first + " against " + second + ": "
                    + e.getMessage(), e);
        }
    }
}
