package org.zeroprune.nas.search;

/**
 * A way of visiting the search space. A strategy evaluates candidates through
 * {@link SearchContext#evaluator()}, each within the budget; the ranking is every candidate it
 * evaluated. Strategies draw all randomness from {@link SearchContext#random()}, so the same seed
 * gives the same ranking.
 */
public interface SearchStrategy {

    /** The name a configuration selects it by. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** Runs the search. */
    void search(SearchContext context);

    /**
     * How many evaluations the search's progress counts to, or -1 when that is not known ahead
     * (greedy, uniform, exhaustive). A pipeline asks this rather than testing the strategy's name.
     */
    default long plannedEvaluations(SearchConfig config) {
        return -1;
    }

    /**
     * Whether the search screens candidates with a cheap strategy ({@code search.screening}) before
     * the configured one scores a shortlist; such a run prepares the screening strategy too.
     */
    default boolean screens() {
        return false;
    }

    /**
     * Whether the search can score its candidates with a cheaper form of the scoring strategy
     * ({@code search.screen}, {@link SearchContext#screening()}) and re-score its best
     * {@code search.shortlist} with the strategy itself.
     */
    default boolean screensWithCheaperForm() {
        return false;
    }
}
