package org.zeroprune.it;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The plugin directory the build fills with the real proxy-plugin jar. */
final class Plugins {
    private Plugins() {
    }

    static Path directory() {
        String dir = System.getProperty("zeroprune.test.plugins");
        if (dir == null) {
            throw new IllegalStateException("system property zeroprune.test.plugins is not set; run the tests with Maven");
        }
        return Paths.get(dir);
    }
}
