package org.zeroprune.nas.spark.executor;

import java.util.HashMap;
import java.util.Map;
import org.zeroprune.nas.engine.RebuiltScorer;
import org.zeroprune.nas.engine.ScorerRecipe;

/**
 * The scorers this executor JVM rebuilt, by recipe: each is prepared once (the model loaded, the
 * strategy prepared) and serves every later task of the run. When a task of another run arrives, the
 * previous run's scorers are closed, so that a long-lived executor holds one run's models at most.
 */
public final class ExecutorScorers {
    private static final Map<ScorerRecipe, RebuiltScorer> SCORERS = new HashMap<>();
    private static String job = "";

    private ExecutorScorers() {
    }

    /**
     * The scorer of {@code recipe}, rebuilt on first use; the task slots of one executor wait for one
     * preparation rather than each doing it.
     */
    public static synchronized RebuiltScorer get(ScorerRecipe recipe) {
        if (!recipe.job().equals(job)) {
            SCORERS.values().forEach(RebuiltScorer::close);
            SCORERS.clear();
            job = recipe.job();
        }
        RebuiltScorer scorer = SCORERS.get(recipe);
        if (scorer == null) {
            scorer = recipe.rebuild();
            SCORERS.put(recipe, scorer);
        }
        return scorer;
    }

    /** How many scorers this JVM holds (the current run's). */
    public static synchronized int held() {
        return SCORERS.size();
    }
}
