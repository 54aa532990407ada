package org.zeroprune.nas.search;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What a search strategy works with.
 *
 * @param space the candidates it may visit
 * @param budget the cost limit every candidate it evaluates must meet
 * @param sampler draws near-budget candidates
 * @param evaluator scores candidates and remembers them for the ranking
 * @param config the search settings (candidates, population, ...)
 * @param random the search's only source of randomness, seeded from the configuration
 * @param screening a cheap scorer's evaluator for screening candidates (hybrid search), if configured
 */
public record SearchContext(SearchSpace space, Budget budget, GenomeSampler sampler, CandidateEvaluator evaluator,
        SearchConfig config, SplittableRandom random, Optional<CandidateEvaluator> screening) {
}
