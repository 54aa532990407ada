package org.zeroprune.nas.export.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.onnxruntime.OrtLatency;
import org.zeroprune.nas.onnxruntime.OrtLatencyProbe;
import org.zeroprune.nas.timing.FreshJvm;
import org.zeroprune.nas.timing.LatencyBudget;
import org.zeroprune.nas.timing.PairedTiming;

/**
 * The exported {@code model.onnx} against the dense model in ONNX Runtime, for the summary of a
 * prune: the dense checkpoint goes through the same ONNX export (into a temporary directory,
 * removed afterwards), and both are timed in a fresh JVM on one batch, every core an intra-op
 * thread. Bounded: one batch shape, alternating runs until the speed-up is precise or the latency
 * budget's deadline comes.
 */
public final class OrtLatencyComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrtLatencyComparison() {
    }

    /**
     * The medians, speed-up, counts and stop of {@link PairedTiming#describeInto}, {@code threads}
     * and a {@code setting} line.
     *
     * @param deadline epoch milliseconds, from {@code budget}: no timed pair starts that would end after it
     */
    public static ObjectNode compare(BertCheckpoint dense, Path prunedOnnx, int sequenceLength, int batch,
            LatencyBudget budget, long deadline) {
        int length = Math.min(sequenceLength, dense.config().maxPositions());
        int threads = Runtime.getRuntime().availableProcessors();
        int vocabulary = dense.config().vocabSize();
        double share = budget.secondsUntil(deadline);
        Path work = AtomicFiles.temporaryDirectory("dense-onnx");
        try {
            Path denseOnnx = OnnxExport.write(dense, work);
            String[] problem = {null};
            Optional<PairedTiming> fresh = FreshJvm.numbers(OrtLatencyProbe.class, List.of(denseOnnx.toString(),
                    prunedOnnx.toString(), Integer.toString(batch), Integer.toString(length), Integer.toString(threads),
                    Integer.toString(vocabulary), Long.toString(deadline)), PairedTiming.FIELDS, problem)
                    .map(PairedTiming::of);
            PairedTiming timing = fresh.orElseGet(() -> OrtLatency.compareUntil(denseOnnx, prunedOnnx, batch, length,
                    threads, vocabulary, deadline));
            ObjectNode node = JSON.createObjectNode();
            timing.describeInto(node, share);
            node.put("threads", threads);
            node.put("setting", String.format(Locale.ROOT, "ONNX Runtime, batch of %d x %d tokens, %s, %d intra-op"
                    + " threads, all graph optimisations, %s", batch, length, timing.describe(), threads,
                    fresh.isPresent() ? "fresh JVM" : "in this JVM (" + problem[0] + ")"));
            return node;
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }
}
