package org.zeroprune.nas.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.zeroprune.nas.ZeroPruneException;

/**
 * A results file a benchmark writes with {@code --out FILE.json}. Re-running a benchmark replaces its
 * earlier results, so an existing JSON file is replaced; anything else there (a directory, a link,
 * a file that is not JSON, such as a mistyped README.md) is refused before the benchmark runs.
 */
public final class ResultFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFile() {
    }

    /** Refuses {@code file} unless it is absent or a JSON document that a benchmark may replace. */
    public static void requireReplaceable(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ZeroPruneException("--out " + file + " exists and is not a regular file; a benchmark writes a JSON"
                    + " file there: choose another --out");
        }
        try {
            JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ZeroPruneException("--out " + file + " exists and is not a JSON file (an earlier result); the"
                    + " benchmark replaces only such a file: choose another --out, or move it away");
        }
    }
}
