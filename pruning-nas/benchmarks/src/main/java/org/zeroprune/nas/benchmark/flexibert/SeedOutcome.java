package org.zeroprune.nas.benchmark.flexibert;

import java.util.Map;

/**
 * One strategy on one run seed.
 *
 * @param seed the run seed
 * @param all agreement with {@code scores.glue} over every architecture
 * @param heldOut agreement over the architectures not in the seed's α sample
 * @param alpha the α the strategy reported in its details ({@code alpha}), or NaN if none
 * @param details what the strategy reported for the first architecture ({@code CandidateScorer.details()})
 * @param scoreSeconds time in {@code prepare} and {@code score}, summed over the architectures
 * @param buildSeconds time to build the architectures' weights, summed (shared by all strategies of the pass)
 * @param scores every architecture's score in record order, or {@code null} when not kept
 */
public record SeedOutcome(long seed, RankAgreement all, RankAgreement heldOut, double alpha,
        Map<String, Object> details, double scoreSeconds, double buildSeconds, double[] scores) {

    /** Build and score time together: what this strategy alone costs for the 500 architectures. */
    public double totalSeconds() {
        return scoreSeconds + buildSeconds;
    }
}
