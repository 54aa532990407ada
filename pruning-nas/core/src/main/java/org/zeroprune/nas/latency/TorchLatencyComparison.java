package org.zeroprune.nas.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;

/**
 * A pruned checkpoint against its dense model on DJL's PyTorch engine, for the summary of a prune:
 * both are timed in a fresh JVM ({@link LatencyProbe}), in alternation until the speed-up is precise
 * or the latency budget's deadline comes; in this JVM if a fresh one cannot start.
 */
public final class TorchLatencyComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TorchLatencyComparison() {
    }

    /**
     * The medians, speed-up, counts and stop of {@link PairedTiming#describeInto} and a
     * {@code setting} line.
     *
     * @param deadline epoch milliseconds, from {@code budget}: no timed pair starts that would end after it
     */
    public static ObjectNode compare(BertCheckpoint dense, BertCheckpoint pruned, int sequenceLength, int batch,
            LatencyBudget budget, long deadline) {
        String[] problem = {null};
        double share = budget.secondsUntil(deadline);
        // a fresh JVM: this one's earlier forward and backward passes slow the dense model down
        Optional<PairedTiming> fresh = FreshJvm.numbers(LatencyProbe.class, List.of(dense.directory().toString(),
                pruned.directory().toString(), Integer.toString(sequenceLength), Integer.toString(batch),
                Long.toString(deadline)), PairedTiming.FIELDS, problem).map(PairedTiming::of);
        PairedTiming timing = fresh.orElseGet(() -> LatencyProbe.measure(dense, pruned, sequenceLength, batch, deadline));
        int length = Math.min(sequenceLength, dense.config().maxPositions());
        ObjectNode node = JSON.createObjectNode();
        timing.describeInto(node, share);
        node.put("setting", String.format(Locale.ROOT, "batch of %d x %d tokens, %s, %d cores, %s", batch, length,
                timing.describe(), Runtime.getRuntime().availableProcessors(),
                fresh.isPresent() ? "fresh JVM" : "in this JVM (" + problem[0] + ")"));
        return node;
    }
}
