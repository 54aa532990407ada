package org.zeroprune.nas.engine;

import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small, serializable description of a scorer that a worker JVM rebuilds it from: where the
 * checkpoint and plugins are, the strategy's name and options, the seed and whatever else its
 * preparation reads. A prepared model never travels; each worker prepares once per recipe and keeps
 * it. Records with value equality, so that a worker can key its cache by the recipe.
 */
public interface ScorerRecipe extends Serializable {
    /** {@return the run this recipe belongs to: a worker keeps the preparations of the current run only} */
    String job();

    /**
     * The local files and directories the rebuild reads (checkpoint, plugin directories, corpus file),
     * as absolute paths; an engine that copies them to its workers gives {@link #relocated} their copies.
     */
    List<String> files();

    /** {@return this recipe, reading each of {@link #files()} at {@code where.apply(path)}} */
    ScorerRecipe relocated(UnaryOperator<String> where);

    /**
     * Loads the model and prepares the scorer, as the run did on its own machine; the same recipe
     * gives the same scores.
     *
     * @throws org.zeroprune.nas.ZeroPruneException as the run's own preparation would
     */
    RebuiltScorer rebuild();
}
