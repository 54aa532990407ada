package org.zeroprune.nas.cli;

import picocli.CommandLine.Option;

/** {@code --seed N}: the configuration's {@code search.seed}. */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "N", description = "Seed of the candidates and of generated calibration"
            + " tokens; the same seed gives the same result (default: ${bundle:defaults.search.seed}).")
    Long seed;

    Overrides addTo(Overrides overrides) {
        return overrides.put("search.seed", seed, "--seed");
    }
}
