package org.zeroprune.nas.ort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.timing.FreshJvm;

/**
 * The exported {@code model.onnx} against the dense model in ONNX Runtime, for the summary of a
 * prune: the dense checkpoint goes through the same ONNX export (into a temporary directory,
 * removed afterwards), and both are timed in a fresh JVM on one batch, every core an intra-op
 * thread. Bounded: one batch shape, {@value #RUNS} alternating runs each.
 */
public final class OrtLatencyComparison {
    /** Timed runs of each model. */
    public static final int RUNS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrtLatencyComparison() {
    }

    /** {@code denseMs}, {@code prunedMs}, {@code speedup}, {@code threads} and a {@code setting} line. */
    public static ObjectNode compare(BertCheckpoint dense, Path prunedOnnx, int sequenceLength, int batch) {
        int length = Math.min(sequenceLength, dense.config().maxPositions());
        int threads = Runtime.getRuntime().availableProcessors();
        int vocabulary = dense.config().vocabSize();
        Path work = AtomicFiles.temporaryDirectory("dense-onnx");
        try {
            Path denseOnnx = OnnxExport.write(dense, work);
            String[] problem = {null};
            Optional<double[]> fresh = FreshJvm.numbers(OrtLatencyProbe.class, List.of(denseOnnx.toString(),
                    prunedOnnx.toString(), Integer.toString(batch), Integer.toString(length), Integer.toString(threads),
                    Integer.toString(vocabulary), Integer.toString(RUNS)), 2, problem);
            double[] millis = fresh.orElseGet(() -> OrtLatency.compareMillis(denseOnnx, prunedOnnx, batch, length, threads,
                    vocabulary, RUNS));
            ObjectNode node = JSON.createObjectNode();
            node.put("denseMs", millis[0]);
            node.put("prunedMs", millis[1]);
            node.put("speedup", millis[0] / millis[1]);
            node.put("threads", threads);
            node.put("setting", String.format(Locale.ROOT, "ONNX Runtime, batch of %d x %d tokens, median of %d alternating"
                    + " runs each, %d intra-op threads, all graph optimisations, %s", batch, length, RUNS, threads,
                    fresh.isPresent() ? "fresh JVM" : "in this JVM (" + problem[0] + ")"));
            return node;
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }
}
