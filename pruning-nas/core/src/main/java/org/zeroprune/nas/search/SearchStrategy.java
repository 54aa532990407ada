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
}
