package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;
import java.util.stream.LongStream;
import org.zeroprune.nas.ZeroPruneException;

/**
 * How a benchmark run is set up.
 *
 * @param seeds the run seeds, one benchmark pass each (own α sample, own weights)
 * @param sampleSize architectures per α sample (labelled samples); the rest are held out
 * @param threads architectures scored at the same time; results do not depend on it
 * @param sequenceLength tokens per sequence of the cost model (MACs of attention and mixing)
 * @param keepScores whether the report keeps every architecture's score (for {@code --scores})
 */
public record BenchmarkSettings(List<Long> seeds, int sampleSize, int threads, int sequenceLength, boolean keepScores) {
    /** FlexiBERT's pretraining sequence length. */
    public static final int DEFAULT_SEQUENCE_LENGTH = 128;
    /** The α sample size of the ZeroLM paper's protocol. */
    public static final int DEFAULT_SAMPLE_SIZE = 50;

    /** Checks the values; errors are user errors. */
    public BenchmarkSettings {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new ZeroPruneException("at least one seed is needed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new ZeroPruneException("seeds repeat: " + seeds);
        }
        if (threads < 1) {
            throw new ZeroPruneException("threads must be at least 1, got " + threads);
        }
        if (sequenceLength < 1) {
            throw new ZeroPruneException("sequence length must be at least 1, got " + sequenceLength);
        }
    }

    /** Seeds {@code first, first + 1, ..., first + count − 1}. */
    public static List<Long> consecutiveSeeds(long first, int count) {
        if (count < 1) {
            throw new ZeroPruneException("--seeds must be at least 1, got " + count);
        }
        return LongStream.range(0, count).mapToObj(i -> first + i).toList();
    }
}
