package org.zeroprune.nas.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.Sentences;

/** Only that the profiler runs and checks its arguments; no assertion on speed. */
class LatencyProfilerTest {

    @Test
    void measuresBlocksAndModel() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        int before = EmbeddedEncoder.managedArrayCount(encoder);
        LatencyProfiler profiler = new LatencyProfiler(encoder, 1, 3);
        for (double millis : new double[] {
                profiler.attentionMillis(0, 12, 16, 2), profiler.attentionMillis(1, 0, 16, 2),
                profiler.ffnMillis(2, 1536, 16, 2), profiler.ffnMillis(3, 0, 16, 2),
                profiler.modelMillis(EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 4)))}) {
            assertTrue(millis > 0 && Double.isFinite(millis), "millis " + millis);
        }
        assertEquals(before, EmbeddedEncoder.managedArrayCount(encoder));
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 4));
        double[] both = LatencyProfiler.compareModelMillis(encoder, encoder, ids);
        assertTrue(both.length == 2 && both[0] > 0 && both[1] > 0, java.util.Arrays.toString(both));
        assertEquals(before, EmbeddedEncoder.managedArrayCount(encoder));
    }

    @Test
    void rejectsImpossibleBlocks() {
        LatencyProfiler profiler = new LatencyProfiler(EmbeddedEncoder.encoder(), 0, 1);
        assertThrows(IllegalArgumentException.class, () -> profiler.attentionMillis(0, 13, 16, 1));
        assertThrows(IllegalArgumentException.class, () -> profiler.ffnMillis(0, -1, 16, 1));
        assertThrows(IllegalArgumentException.class, () -> profiler.ffnMillis(0, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencyProfiler(EmbeddedEncoder.encoder(), 0, 0));
    }
}
