package org.zeroprune.nas.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress output. */
final class QuietOption {
    @Option(names = "--quiet", description = "No progress output (progress goes to stderr).")
    boolean quiet;

    /** Progress on stderr, or none with {@code --quiet}. */
    ConsoleProgress progress() {
        return new ConsoleProgress(System.err, quiet);
    }
}
