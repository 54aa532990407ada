package org.zeroprune.nas.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stopping rule and the time bound of {@link AlternatingTimer#measure}, on a fake clock that
 * each fake forward pass advances by a scripted duration: deterministic, no wall time involved.
 */
class AlternatingTimerTest {
    private static final long MS = 1_000_000;

    /** A clock and two "models" whose runs advance it by the durations given per run (cycled). */
    private static final class FakeModels {
        long now;
        int firstRuns;
        int secondRuns;
        private final long[] first;
        private final long[] second;

        FakeModels(long[] firstMillis, long[] secondMillis) {
            first = firstMillis;
            second = secondMillis;
        }

        PairedTiming measure(StopRule rule, long deadline) {
            return AlternatingTimer.measure(() -> now += first[firstRuns++ % first.length] * MS,
                    () -> now += second[secondRuns++ % second.length] * MS, 1, rule, deadline, () -> now);
        }
    }

    @Test
    void steadyTimingsStopOnPrecisionAtTheMinimumPairs() {
        FakeModels models = new FakeModels(new long[] {200}, new long[] {100});
        PairedTiming t = models.measure(StopRule.DEFAULT, Long.MAX_VALUE);
        assertEquals(PairedTiming.Stop.PRECISION, t.stop());
        assertEquals(StopRule.DEFAULT.minPairs(), t.pairs());
        assertEquals(200, t.firstMs(), 1e-9);
        assertEquals(100, t.secondMs(), 1e-9);
        assertEquals(0, t.halfWidth(), 1e-12);
        // the warm-up pair ran, untimed
        assertEquals(t.pairs() + 1, models.firstRuns);
        assertEquals(t.pairs() + 1, models.secondRuns);
        assertEquals((t.pairs() + 1) * 0.3, t.seconds(), 1e-9);
    }

    @Test
    void noisyTimingsRunUntilTheIntervalNarrows() {
        // ratios 2.0 and 2.2 alternate: the median's interval spans both until enough pairs pin it to one side
        FakeModels models = new FakeModels(new long[] {200, 220, 200}, new long[] {100});
        StopRule rule = new StopRule(8, 0.025, 1000);
        PairedTiming t = models.measure(rule, Long.MAX_VALUE);
        assertEquals(PairedTiming.Stop.PRECISION, t.stop());
        assertTrue(t.pairs() > rule.minPairs(), "pairs " + t.pairs());
        assertTrue(t.halfWidth() <= rule.tolerance());
        // one pair fewer was not yet precise: the rule stopped at the first precise count
        double[] ratios = new double[t.pairs()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = new double[] {2.0, 2.2, 2.0}[(i + 1) % 3];
        }
        assertTrue(StopRule.relativeHalfWidth(ratios, t.pairs() - 1) > rule.tolerance());
    }

    @Test
    void wideSpreadStopsOnTheTimeBoundWithoutOverrunningIt() {
        // ratios 1 and 3 alternate, never precise; each pair takes 300 or 500 fake ms
        FakeModels models = new FakeModels(new long[] {100, 300}, new long[] {100, 100});
        long deadline = 5_000 * MS;
        PairedTiming t = models.measure(StopRule.DEFAULT, deadline);
        assertEquals(PairedTiming.Stop.TIME, t.stop());
        assertTrue(models.now <= deadline, "ended at " + models.now / MS + " ms, after the 5000 ms deadline");
        // warm-up 200 ms, then pairs of 400, 200, 400, ... ms: the next pair (at most the longest, 400 ms) no longer fit
        assertTrue(models.now + 400 * MS > deadline, "stopped early, at " + models.now / MS + " ms");
        assertTrue(Double.isFinite(t.halfWidth()) && t.halfWidth() > StopRule.DEFAULT.tolerance());
    }

    @Test
    void aModelTooSlowForTheBudgetStillGetsOneTimedPair() {
        FakeModels models = new FakeModels(new long[] {3_000}, new long[] {1_500});
        PairedTiming t = models.measure(StopRule.DEFAULT, 1_000 * MS);
        assertEquals(PairedTiming.Stop.TIME, t.stop());
        assertEquals(1, t.pairs());
        assertEquals(2.0, t.firstMs() / t.secondMs(), 1e-12);
        assertTrue(Double.isInfinite(t.halfWidth()), "one pair has no interval");
    }

    @Test
    void thePairCapStopsATinyModel() {
        FakeModels models = new FakeModels(new long[] {1, 3}, new long[] {1});
        PairedTiming t = models.measure(new StopRule(8, 0.025, 50), Long.MAX_VALUE);
        assertEquals(PairedTiming.Stop.PAIRS, t.stop());
        assertEquals(50, t.pairs());
    }

    @Test
    void intervalOfTheMedianFromOrderStatistics() {
        // fewer than 8 values: no interval
        assertTrue(Double.isInfinite(StopRule.relativeHalfWidth(new double[] {1, 1, 1, 1, 1, 1, 1}, 7)));
        // 8 values: the interval is the whole range; median 4.5, range 1..8, half-width 3.5 / 4.5
        double[] eight = {8, 1, 7, 2, 6, 3, 5, 4};
        assertEquals(3.5 / 4.5, StopRule.relativeHalfWidth(eight, 8), 1e-12);
        // 100 values 1..100: ranks 40 and 61 (Conover's normal approximation), median 50.5
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertEquals((61 - 40) / (2 * 50.5), StopRule.relativeHalfWidth(hundred, 100), 1e-12);
    }

    @Test
    void timingCrossesTheProcessBoundaryIntact() {
        PairedTiming t = new PairedTiming(12.5, 6.25, 9, 1, 3.5, PairedTiming.Stop.TIME, Double.POSITIVE_INFINITY);
        String[] words = t.toLine().split(" ");
        double[] numbers = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            numbers[i] = Double.parseDouble(words[i]);
        }
        assertEquals(PairedTiming.FIELDS, numbers.length);
        assertEquals(t, PairedTiming.of(numbers));
    }
}
