package org.zeroprune.nas.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertConfig;

/**
 * An exported {@code model.onnx} against the dense model's, in ONNX Runtime, for the summary of a
 * prune: both are timed in a fresh JVM on one batch, every core an intra-op thread. Bounded: one
 * batch shape, alternating runs until the speed-up is precise or the latency budget's deadline
 * comes. The caller writes the dense model through the same ONNX export (this package sits below
 * the export).
 */
public final class OrtLatencyComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrtLatencyComparison() {
    }

    /**
     * The medians, speed-up, counts and stop of {@link PairedTiming#describeInto}, {@code threads}
     * and a {@code setting} line.
     *
     * @param dense the dense model's configuration (sequence length cap, vocabulary)
     * @param share seconds of the latency budget this comparison was given, reported beside the timing
     * @param deadline epoch milliseconds: no timed pair starts that would end after it
     */
    public static ObjectNode compare(BertConfig dense, Path denseOnnx, Path prunedOnnx, int sequenceLength, int batch,
            double share, long deadline) {
        int length = Math.min(sequenceLength, dense.maxPositions());
        int threads = Runtime.getRuntime().availableProcessors();
        int vocabulary = dense.vocabSize();
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
    }
}
