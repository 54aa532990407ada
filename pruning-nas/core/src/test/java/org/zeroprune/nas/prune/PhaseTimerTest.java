package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseTimerTest {
    @Test
    void aNestedPhaseIsNotCountedInTheOuterOne() {
        PhaseTimer timer = new PhaseTimer();
        timer.time("outer", () -> timer.time("inner", () -> sleep(200)));
        Map<String, Double> s = timer.seconds();
        assertEquals(java.util.List.of("inner", "outer"), java.util.List.copyOf(s.keySet()));
        assertTrue(s.get("inner") >= 0.19, "inner " + s.get("inner"));
        assertTrue(s.get("outer") < s.get("inner"), "outer excludes inner: " + s);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
