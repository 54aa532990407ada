package org.zeroprune.nas.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the budget is shared between engines, on a fake clock. */
class LatencyBudgetTest {

    @Test
    void eachEngineGetsAnEqualShareOfWhatIsLeft() {
        long[] now = {1_000_000};
        LatencyBudget budget = new LatencyBudget(10, () -> now[0]);
        long first = budget.deadline(2);
        assertEquals(1_000_000 + 5_000, first);
        assertEquals(5.0, budget.secondsUntil(first), 1e-9);
        // the first engine used 2 s of its 5: the second gets the remaining 8
        now[0] += 2_000;
        assertEquals(now[0] + 8_000, budget.deadline(1));
        // a first engine that overran leaves the second nothing to time in (it still runs its one minimal pair)
        now[0] += 20_000;
        assertEquals(now[0], budget.deadline(1));
        assertEquals(0, budget.secondsUntil(budget.deadline(1)), 1e-9);
    }
}
