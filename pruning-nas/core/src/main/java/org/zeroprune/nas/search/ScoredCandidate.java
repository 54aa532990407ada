package org.zeroprune.nas.search;

import org.zeroprune.spi.mask.PruningMask;

/**
 * One evaluated candidate.
 *
 * @param id order of first evaluation, from 0; breaks ties between equal scores
 * @param genome the candidate in search-space coordinates
 * @param mask the candidate in model coordinates
 * @param score the scoring strategy's score (higher is better)
 * @param macs MACs per token of the encoder layers
 * @param params parameters of the encoder layers
 * @param budgetCost the cost the budget counts (MACs, parameters or seconds)
 */
public record ScoredCandidate(int id, Genome genome, PruningMask mask, double score, long macs, long params,
        double budgetCost) {
}
