package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.List;
import org.zeroprune.nas.io.OutputDirectory;
import picocli.CommandLine.Option;

/**
 * {@code --overwrite}: the permission to replace an output directory. What may be replaced is
 * {@link OutputDirectory}'s decision alone; the commands only pass the flag on.
 */
final class OverwriteOption {
    @Option(names = "--overwrite", description = "Replace an existing output directory (one zeroprune wrote, or an"
            + " empty one).")
    boolean overwrite;

    /** Claims {@code out} for one run of {@code command} that reads {@code inputs}; see {@link OutputDirectory}. */
    OutputDirectory claim(Path out, String command, List<String> inputs) {
        return OutputDirectory.claim(out, overwrite, command, inputs);
    }

    /** Whether {@code --overwrite} was given. */
    boolean allowed() {
        return overwrite;
    }

    /** {@code true} when given, else {@code null}: for {@link Overrides}, which skips what was not given. */
    Boolean ifGiven() {
        return overwrite ? Boolean.TRUE : null;
    }
}
