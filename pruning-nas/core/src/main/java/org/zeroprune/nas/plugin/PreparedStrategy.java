package org.zeroprune.nas.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.engine.BatchScorer;
import org.zeroprune.nas.engine.LocalEngine;
import org.zeroprune.nas.engine.ScorerRecipe;
import org.zeroprune.nas.engine.ScoringEngine;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * A strategy prepared on one model ({@link ConfiguredStrategy#prepare}): its scorer, and its name
 * and source for messages. Every call into the plugin's scorer goes through here, on threads the
 * framework can abandon ({@link PluginWatchdog}), within the strategy's {@link StrategyLimits}: a
 * scorer that throws (an {@link Error} too), returns a score that is not finite, reports details or a
 * unit importance the framework cannot use, or runs past its limit fails naming the strategy, its jar
 * and what it was doing. Thread-safe as far as the plugin's scorer is, which the SPI requires.
 *
 * <p>Batches are scored on this JVM's threads unless {@link #scoringOn} gave it another engine, whose
 * workers rebuild the strategy from a recipe; the scores and the failures are the same.
 */
public final class PreparedStrategy implements BatchScorer {
    private final String name;
    private final String source;
    private final CandidateScorer scorer;
    private final ModelView model;
    private final StrategyLimits limits;
    private final PluginWatchdog watchdog;
    private final ScoringEngine engine;
    private final Optional<ScorerRecipe> recipe;

    PreparedStrategy(String name, String source, CandidateScorer scorer, ModelView model, StrategyLimits limits,
            PluginWatchdog watchdog) {
        this(name, source, scorer, model, limits, watchdog, LocalEngine.INSTANCE, Optional.empty());
    }

    private PreparedStrategy(String name, String source, CandidateScorer scorer, ModelView model, StrategyLimits limits,
            PluginWatchdog watchdog, ScoringEngine engine, Optional<ScorerRecipe> recipe) {
        this.name = name;
        this.source = source;
        this.scorer = scorer;
        this.model = model;
        this.limits = limits;
        this.watchdog = watchdog;
        this.engine = engine;
        this.recipe = recipe;
    }

    /**
     * {@return this strategy, its batches ({@link #scoreAll}) scored on {@code engine}, whose workers prepare it
     * from {@code recipe}}; the local engine scores them here, as before
     */
    public PreparedStrategy scoringOn(ScoringEngine engine, ScorerRecipe recipe) {
        return new PreparedStrategy(name, source, scorer, model, limits, watchdog, engine, Optional.of(recipe));
    }

    /** The name in messages and reports (a registered name, or a label with options). */
    public String name() {
        return name;
    }

    /** The plugin jar or directory it came from, or {@code harness}. */
    public String source() {
        return source;
    }

    /**
     * The score of one candidate, on this JVM whatever the engine.
     *
     * @param candidate names the candidate in a failure ({@code candidate #12 (...)}); called only then,
     *     so that the scoring loop builds no text
     * @throws PluginException if the scorer fails, returns NaN or an infinity, or outlasts its limit
     */
    public double score(PruningMask mask, Supplier<String> candidate) {
        // always here: one candidate is not worth a distributed job
        return scoreHere(List.of(mask), i -> candidate.get(), 1, () -> { })[0];
    }

    /**
     * The scores of {@code masks}, by index, each scored once on up to {@code threads} threads, on the
     * strategy's engine ({@link #scoringOn}).
     *
     * @param candidate names the candidate at an index in a failure; called only then
     * @param scored called after each score, from the scoring thread (a progress step)
     * @throws PluginException at the first candidate the scorer fails on, scores NaN or an infinity, or
     *     takes longer than its limit on
     */
    @Override
    public double[] scoreAll(List<PruningMask> masks, IntFunction<String> candidate, int threads, Runnable scored) {
        return recipe.isEmpty() ? scoreHere(masks, candidate, threads, scored)
                : engine.scoreAll(this::scoreHere, recipe.get(), masks, candidate, threads, scored);
    }

    private double[] scoreHere(List<PruningMask> masks, IntFunction<String> candidate, int threads, Runnable scored) {
        double[] scores = new double[masks.size()];
        watchdog.forEach(limits.score(), masks.size(), threads, candidate, i -> {
            scores[i] = scoreOne(masks.get(i), candidate, i);
            scored.run();
        });
        return scores;
    }

    private double scoreOne(PruningMask mask, IntFunction<String> candidate, int index) {
        double score;
        try {
            score = scorer.score(mask);
        } catch (ZeroPruneException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw PluginFailure.of(name, source, "scoring " + candidate.apply(index), e);
        }
        if (!Double.isFinite(score)) {
            throw new PluginException("strategy '" + name + "' (" + source + ") returned " + score + " for "
                    + candidate.apply(index) + "; expected a finite score");
        }
        return score;
    }

    /**
     * What the scorer decided while it was prepared, as the plugin gave it (its order kept).
     *
     * @throws PluginException if the scorer fails, or reports something other than strings, finite numbers
     *     and booleans by name (naming the entry)
     */
    public Map<String, Object> details() {
        return fromScorer("reporting its details",
                () -> PluginDetails.checked(name, source, scorer.details()));
    }

    /**
     * The scorer's per-unit importance, if it has one: one finite number per head and neuron of the model.
     *
     * @throws PluginException if the scorer fails, or an importance is missing or not finite (naming the
     *     layer and unit)
     */
    public Optional<UnitImportance> unitImportance() {
        return fromScorer("computing its unit importance", () -> {
            Optional<UnitImportance> importance = scorer.unitImportance();
            if (importance == null) {
                throw new PluginException("strategy '" + name + "' (" + source + ") returned null for its unit"
                        + " importance; expected an Optional, empty if it has none");
            }
            return importance.map(i -> PluginUnitImportance.checked(name, source, model, i));
        });
    }

    // the scorer's other answers may be lazy work (a Fisher pass): they count as preparing
    private <T> T fromScorer(String doing, Supplier<T> call) {
        return watchdog.call(limits.prepare(), () -> "(" + doing + ")", () -> {
            try {
                return call.get();
            } catch (ZeroPruneException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                throw PluginFailure.of(name, source, doing, e);
            }
        });
    }
}
