package org.zeroprune.nas.latency;

import java.nio.file.Path;

/**
 * {@link OrtLatency#compareUntil} in a process of its own. Arguments: first model, second model,
 * batch, sequence length, intra-op threads, vocabulary size, deadline (epoch milliseconds). Prints
 * one line, {@link org.zeroprune.nas.latency.PairedTiming#toLine()}.
 */
public final class OrtLatencyProbe {
    private OrtLatencyProbe() {
    }

    /** Entry point of the child process. */
    public static void main(String[] args) {
        System.out.println(OrtLatency.compareUntil(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]), Long.parseLong(args[6]))
                .toLine());
    }
}
