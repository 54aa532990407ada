package org.zeroprune.nas.engine;

/** A scorer a worker rebuilt from a {@link ScorerRecipe}, with the model and runtime it holds until closed. */
public interface RebuiltScorer extends BatchScorer, AutoCloseable {
    /** Releases the model and runtime (native memory); never throws. */
    @Override
    void close();
}
