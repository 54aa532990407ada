package org.zeroprune.nas.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points zeroprune's cache ({@code zeroprune.cache}) at a fresh directory for each test and back
 * afterwards, so that a test of the caches sees only its own entries and leaves none behind.
 * Register with {@code @RegisterExtension}. ({@code $ZEROPRUNE_CACHE}, if set, still wins.)
 */
public final class PrivateCache implements BeforeEachCallback, AfterEachCallback {
    private static final String PROPERTY = "zeroprune.cache";
    private String previous;
    private Path directory;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        previous = System.getProperty(PROPERTY);
        directory = Files.createTempDirectory("zeroprune-cache");
        System.setProperty(PROPERTY, directory.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
