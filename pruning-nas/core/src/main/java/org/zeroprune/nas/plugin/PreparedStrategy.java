package org.zeroprune.nas.plugin;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;

/**
 * A strategy prepared on one model ({@link ConfiguredStrategy#prepare}): its scorer, and its name
 * and source for messages. {@link #score} is how the framework scores a candidate: a scorer that
 * throws, or returns a score that is not finite, fails naming the strategy and the candidate.
 * Thread-safe as far as the plugin's scorer is, which the SPI requires.
 */
public final class PreparedStrategy {
    private final String name;
    private final String source;
    private final CandidateScorer scorer;

    PreparedStrategy(String name, String source, CandidateScorer scorer) {
        this.name = name;
        this.source = source;
        this.scorer = scorer;
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
     * The score of one candidate.
     *
     * @param candidate names the candidate in a failure ({@code candidate #12 (...)}); called only then,
     *     so that the scoring loop builds no text
     * @throws PluginException if the scorer throws or returns NaN or an infinity
     */
    public double score(PruningMask mask, Supplier<String> candidate) {
        double score;
        try {
            score = scorer.score(mask);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("strategy '" + name + "' failed while scoring " + candidate.get() + ": " + e, e);
        }
        if (!Double.isFinite(score)) {
            throw new PluginException("strategy '" + name + "' returned " + score + " for " + candidate.get()
                    + "; expected a finite score");
        }
        return score;
    }

    /** What the scorer decided while it was prepared, as the plugin gave it (its order kept). */
    public Map<String, Object> details() {
        return scorer.details();
    }

    /** The scorer's per-unit importance, if it has one. */
    public Optional<UnitImportance> unitImportance() {
        return scorer.unitImportance();
    }
}
