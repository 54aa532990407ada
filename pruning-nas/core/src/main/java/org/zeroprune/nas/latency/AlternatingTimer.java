package org.zeroprune.nas.latency;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.zeroprune.nas.ZeroPruneException;

/**
 * Times two models against each other in alternation, so that a shared machine's changing load
 * falls on both alike, and reports the median of each: what the PyTorch and the ONNX Runtime
 * latency comparisons share.
 */
public final class AlternatingTimer {
    private AlternatingTimer() {
    }

    /** One forward pass. */
    @FunctionalInterface
    public interface Run {
        void run() throws Exception;
    }

    /**
     * Median milliseconds {@code {first, second}} of {@code runs} timed runs each, after
     * {@code warmups} untimed runs each, alternating first and second.
     */
    public static double[] medianMillis(Run first, Run second, int warmups, int runs) {
        return medianMillis(List.of(first, second), warmups, runs);
    }

    /**
     * Median milliseconds of each of {@code models}, in their order: {@code runs} rounds in which every
     * model runs once in turn, after {@code warmups} such rounds untimed, so that a change of load
     * falls on all of them alike.
     */
    public static double[] medianMillis(List<Run> models, int warmups, int runs) {
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + " and " + runs);
        }
        for (int i = 0; i < warmups; i++) {
            models.forEach(AlternatingTimer::millis);
        }
        double[][] times = new double[models.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int m = 0; m < models.size(); m++) {
                times[m][i] = millis(models.get(m));
            }
        }
        return Arrays.stream(times).mapToDouble(AlternatingTimer::median).toArray();
    }

    /**
     * Times {@code first} and {@code second} in alternating pairs until {@code rule} finds the median
     * per-pair ratio precise enough, or until another pair would end after {@code deadlineNanos}: a
     * pair starts only if the longest timed pair so far still fits before the deadline. At least one
     * timed pair always runs, after {@code warmups} untimed pairs, so that there is a figure even when
     * the model is too slow for the budget (the result then says it stopped on the time bound).
     *
     * @param clock nanoseconds (System::nanoTime, or a fake one in tests)
     */
    public static PairedTiming measure(Run first, Run second, int warmups, StopRule rule, long deadlineNanos,
            LongSupplier clock) {
        long start = clock.getAsLong();
        for (int i = 0; i < warmups; i++) {
            millis(first, clock);
            millis(second, clock);
        }
        double[] a = new double[rule.maxPairs()];
        double[] b = new double[rule.maxPairs()];
        double[] ratios = new double[rule.maxPairs()];
        long longestPair = 0;
        int n = 0;
        PairedTiming.Stop stop;
        while (true) {
            if (n > 0 && rule.precise(ratios, n)) {
                stop = PairedTiming.Stop.PRECISION;
                break;
            }
            if (n == rule.maxPairs()) {
                stop = PairedTiming.Stop.PAIRS;
                break;
            }
            long pairStart = clock.getAsLong();
            if (n > 0 && pairStart + longestPair > deadlineNanos) {
                stop = PairedTiming.Stop.TIME;
                break;
            }
            a[n] = millis(first, clock);
            b[n] = millis(second, clock);
            ratios[n] = a[n] / b[n];
            longestPair = Math.max(longestPair, clock.getAsLong() - pairStart);
            n++;
        }
        return new PairedTiming(median(Arrays.copyOf(a, n)), median(Arrays.copyOf(b, n)), n, warmups,
                (clock.getAsLong() - start) / 1e9, stop, StopRule.relativeHalfWidth(ratios, n));
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Random vocabulary ids above the special tokens, seeded: latency does not depend on which words. */
    public static int[][] randomTokens(int vocabulary, int batch, int length) {
        SplittableRandom random = new SplittableRandom(7);
        int low = Math.min(1000, vocabulary / 2);
        int[][] ids = new int[batch][length];
        for (int[] row : ids) {
            for (int i = 0; i < length; i++) {
                row[i] = low + random.nextInt(vocabulary - low);
            }
        }
        return ids;
    }

    private static double millis(Run run) {
        return millis(run, System::nanoTime);
    }

    private static double millis(Run run, LongSupplier clock) {
        long start = clock.getAsLong();
        try {
            run.run();
        } catch (Exception e) {
            throw new ZeroPruneException("a timed forward pass failed: " + e.getMessage(), e);
        }
        return (clock.getAsLong() - start) / 1e6;
    }
}
