package org.zeroprune.nas.cli;

import picocli.CommandLine.Option;

/**
 * {@code --prepare-limit} and {@code --score-limit} of {@code prune} and {@code evaluate}: how long a
 * strategy may take, the configuration's {@code scoring.prepare-limit-seconds} and
 * {@code scoring.score-limit-seconds}.
 */
final class StrategyLimitOptions {
    @Option(names = "--prepare-limit", paramLabel = "SECONDS", description = "Seconds a strategy may take to prepare"
            + " on the model before the run gives up on it, 0 = no limit (default:"
            + " ${bundle:defaults.scoring.prepare-limit-seconds}).")
    Double prepare;

    @Option(names = "--score-limit", paramLabel = "SECONDS", description = "Seconds a strategy may take to score one"
            + " candidate before the run gives up on it, 0 = no limit (default:"
            + " ${bundle:defaults.scoring.score-limit-seconds}).")
    Double score;

    Overrides addTo(Overrides overrides) {
        return overrides.put("scoring.prepare-limit-seconds", prepare, "--prepare-limit")
                .put("scoring.score-limit-seconds", score, "--score-limit");
    }
}
