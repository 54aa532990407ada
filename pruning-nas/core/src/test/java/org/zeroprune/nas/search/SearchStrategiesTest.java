package org.zeroprune.nas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pipeline asks a registered strategy instead of testing its name. */
class SearchStrategiesTest {
    @Test
    void progressAndScreeningAreTheStrategiesOwn() {
        SearchConfig config = new SearchConfig("evolutionary", 300, 42, 64, 0, 0, "auto", "", 32, 0.1, 4, 20,
                "perturbation", "auto");
        // the counts the prune pipeline's progress has always used: candidates, the shortlist, or unknown
        Map<String, Long> planned = Map.of("random", 300L, "evolutionary", 300L, "hybrid", 20L, "greedy", -1L,
                "uniform", -1L, "exhaustive", -1L);
        assertEquals(planned.keySet(), SearchStrategies.factories().keySet());
        for (String name : SearchStrategies.names()) {
            SearchStrategy strategy = SearchStrategies.create(name);
            assertEquals(planned.get(name), strategy.plannedEvaluations(config), name);
            assertEquals(name.equals("hybrid"), strategy.screens(), name);
        }
    }
}
