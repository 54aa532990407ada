package org.zeroprune.nas.forward;

import java.nio.file.Path;
import java.util.Locale;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.timing.AlternatingTimer;

/**
 * Times a dense and a pruned checkpoint against each other in a JVM of their own. A job that has
 * run many forward and backward passes leaves PyTorch in a state where later forward passes of the
 * dense model measured up to twice as slow as in a fresh process (the cause is not found), which
 * overstated speed-ups; a fresh process measures what a user's deployment would see.
 *
 * <p>Arguments: dense directory, pruned directory, sequence length, batch size. Prints one line,
 * {@code denseMs prunedMs}.
 */
public final class LatencyProbe {
    private LatencyProbe() {
    }

    /** Entry point of the child process. */
    public static void main(String[] args) {
        BertCheckpoint dense = BertCheckpoint.read(Path.of(args[0]));
        BertCheckpoint pruned = BertCheckpoint.read(Path.of(args[1]));
        double[] millis = measure(dense, pruned, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.out.println(String.format(Locale.ROOT, "%.6f %.6f", millis[0], millis[1]));
    }

    /** Median milliseconds {@code {dense, pruned}} of batches of random tokens, timed in alternation, in this process. */
    static double[] measure(BertCheckpoint dense, BertCheckpoint pruned, int sequenceLength, int batch) {
        int length = Math.min(sequenceLength, dense.config().maxPositions());
        int[][] ids = AlternatingTimer.randomTokens(dense.config().vocabSize(), batch, length);
        try (BertEncoder d = BertEncoder.load(dense, batch); BertEncoder p = BertEncoder.load(pruned, batch)) {
            return LatencyProfiler.compareModelMillis(d, p, ids);
        }
    }
}
