package org.zeroprune.nas.latency;

import java.nio.file.Path;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.forward.BertEncoder;

/**
 * Times a dense and a pruned checkpoint against each other in a JVM of their own. A job that has
 * run many forward and backward passes leaves PyTorch in a state where later forward passes of the
 * dense model measured up to twice as slow as in a fresh process (the cause is not found), which
 * overstated speed-ups; a fresh process measures what a user's deployment would see.
 *
 * <p>Arguments: dense directory, pruned directory, sequence length, batch size, deadline (epoch
 * milliseconds). Prints one line, {@link PairedTiming#toLine()}.
 */
public final class LatencyProbe {
    /** Untimed pairs first: the first forward pass allocates; more would eat a big model's budget. */
    static final int WARMUPS = 1;

    private LatencyProbe() {
    }

    /** Entry point of the child process. */
    public static void main(String[] args) {
        BertCheckpoint dense = BertCheckpoint.read(Path.of(args[0]));
        BertCheckpoint pruned = BertCheckpoint.read(Path.of(args[1]));
        System.out.println(measure(dense, pruned, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4])).toLine());
    }

    /**
     * Dense (first) against pruned (second) on batches of random tokens, timed in alternation in this
     * process until the speed-up is precise or {@code deadline} (epoch milliseconds) comes.
     */
    static PairedTiming measure(BertCheckpoint dense, BertCheckpoint pruned, int sequenceLength, int batch, long deadline) {
        int length = Math.min(sequenceLength, dense.config().maxPositions());
        int[][] ids = AlternatingTimer.randomTokens(dense.config().vocabSize(), batch, length);
        try (BertEncoder d = BertEncoder.load(dense, batch); BertEncoder p = BertEncoder.load(pruned, batch)) {
            return AlternatingTimer.measure(() -> d.sentenceEmbeddings(ids), () -> p.sentenceEmbeddings(ids), WARMUPS,
                    StopRule.DEFAULT, LatencyBudget.toNanoTime(deadline), System::nanoTime);
        }
    }
}
