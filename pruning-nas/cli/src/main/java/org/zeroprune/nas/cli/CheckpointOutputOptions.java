package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.List;
import org.zeroprune.nas.io.OutputDirectory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --out DIR} (required) and {@code --overwrite}: the checkpoint directory a command writes. */
final class CheckpointOutputOptions {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The checkpoint directory to write.")
    Path out;

    @Mixin
    OverwriteOption overwrite;

    /** Whether {@code --overwrite} was given, for a command that claims {@link #out} through another class. */
    boolean overwrite() {
        return overwrite.allowed();
    }

    /** Claims {@link #out} for one run of {@code command}; see {@link OutputDirectory}. */
    OutputDirectory claim(String command, List<String> inputs) {
        return overwrite.claim(out, command, inputs);
    }
}
