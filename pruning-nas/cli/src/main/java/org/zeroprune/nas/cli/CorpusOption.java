package org.zeroprune.nas.cli;

import picocli.CommandLine.Option;

/**
 * {@code --corpus} of {@code prune} and {@code export}: calibration text, the configuration's
 * {@code scoring.corpus} ({@code evaluate}'s {@code --corpus} is the text it measures fidelity on,
 * and stays with that command).
 */
final class CorpusOption {
    @Option(names = "--corpus", paramLabel = "builtin|FILE", description = "Calibration text: 'builtin' (the corpus"
            + " shipped with zeroprune) or a file, one sentence per line. Data-driven strategies (fisher) and the"
            + " reconstruction calibrate on its calibration part instead of generated tokens (default: none).")
    String corpus;

    Overrides addTo(Overrides overrides) {
        return overrides.put("scoring.corpus", corpus, "--corpus");
    }
}
