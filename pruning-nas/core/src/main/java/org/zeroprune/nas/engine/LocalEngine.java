package org.zeroprune.nas.engine;

import java.util.List;
import java.util.function.IntFunction;
import org.zeroprune.spi.mask.PruningMask;

/** The default engine, {@code local}: scores with the scorer prepared in this JVM, on its threads. */
public final class LocalEngine implements ScoringEngine {
    /** Its name in {@code engine.name}. */
    public static final String NAME = "local";
    /** The one instance: it holds nothing. */
    public static final LocalEngine INSTANCE = new LocalEngine();

    private LocalEngine() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] scoreAll(BatchScorer local, ScorerRecipe recipe, List<PruningMask> masks,
            IntFunction<String> candidate, int threads, Runnable scored) {
        return local.scoreAll(masks, candidate, threads, scored);
    }

    @Override
    public void close() {
        // nothing to end
    }
}
