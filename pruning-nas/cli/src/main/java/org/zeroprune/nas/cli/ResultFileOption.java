package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.io.ResultFile;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE.json}: where a benchmark also writes its figures. Checked by {@link ResultFile}
 * before the benchmark runs, so that hours of work do not end on a file it may not replace.
 */
final class ResultFileOption {
    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the results as JSON (replaces only"
            + " an earlier benchmark result).")
    Path out;

    /** The file, once checked; empty when {@code --out} was not given. */
    Optional<Path> checked() {
        if (out != null) {
            ResultFile.requireReplaceable(out);
        }
        return Optional.ofNullable(out);
    }
}
