package org.zeroprune.nas.ort;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@link OrtLatency#compareMillis} in a process of its own. Arguments: first model, second model,
 * batch, sequence length, intra-op threads, vocabulary size, timed runs. Prints one line,
 * {@code firstMs secondMs}.
 */
public final class OrtLatencyProbe {
    private OrtLatencyProbe() {
    }

    /** Entry point of the child process. */
    public static void main(String[] args) {
        double[] millis = OrtLatency.compareMillis(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        System.out.println(String.format(Locale.ROOT, "%.6f %.6f", millis[0], millis[1]));
    }
}
