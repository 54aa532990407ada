package org.zeroprune.nas.benchmark.flexibert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared FlexiBERT data, {@code ../shared/data/flexibert/} relative to the repository root. */
final class SharedData {
    static final String RELATIVE = "../shared/data/flexibert/BERT_benchmark.json";

    private SharedData() {
    }

    /** The benchmark file: walks up from the working directory to a directory {@code D} with {@code D/../shared/...}. */
    static Optional<Path> benchmark() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE).normalize();
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
