package org.zeroprune.nas.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.zeroprune.nas.ZeroPruneException;

/**
 * A results file a benchmark writes with {@code --out FILE.json}, marked with
 * {@code "writtenBy": "zeroprune benchmark NAME"}. Re-running a benchmark replaces its earlier
 * results; anything else there (a directory, a link, another program's JSON such as a
 * {@code package.json}, a model's {@code config.json}) is refused before the benchmark runs, as is a
 * location that cannot be written.
 */
public final class ResultFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "writtenBy";
    private static final String WRITER = "zeroprune benchmark";

    private ResultFile() {
    }

    /** Refuses {@code file} unless it is absent or an earlier benchmark result, and its folder is writable. */
    public static void requireReplaceable(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ZeroPruneException("--out " + file + " exists and is not a regular file; a benchmark writes a"
                        + " JSON file there: choose another --out");
            }
            if (!isResult(file)) {
                throw new ZeroPruneException("--out " + file + " exists and is not a zeroprune benchmark result (no \""
                        + MARK + "\": \"" + WRITER + " ...\"); the benchmark replaces only its own results: choose another"
                        + " --out, or move the file away");
            }
        }
        requireWritableFolder(file);
    }

    private static boolean isResult(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root != null && root.path(MARK).asText().startsWith(WRITER);
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireWritableFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".zeroprune-probe", ".tmp"));
        } catch (IOException e) {
            throw new ZeroPruneException("cannot write --out " + file + ": " + folder + " is not writable ("
                    + AtomicFiles.reason(e) + "); choose another --out");
        }
    }

    /** Writes {@code doc}, marked as the result of {@code benchmark}, atomically. */
    public static void write(Path file, String benchmark, ObjectNode doc) {
        ObjectNode marked = JSON.createObjectNode();
        marked.put(MARK, WRITER + " " + benchmark);
        marked.setAll(doc);
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(marked) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + benchmark + " benchmark's results as JSON", e);
        }
    }
}
