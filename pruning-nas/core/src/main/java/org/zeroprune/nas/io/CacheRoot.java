package org.zeroprune.nas.io;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where zeroprune keeps what it can rebuild: imported models, measured fidelities, output locks. */
public final class CacheRoot {
    private CacheRoot() {
    }

    /** {@code $ZEROPRUNE_CACHE}, else the {@code zeroprune.cache} system property, else {@code ~/.cache/zeroprune}. */
    public static Path path() {
        String env = System.getenv("ZEROPRUNE_CACHE");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        String prop = System.getProperty("zeroprune.cache");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "zeroprune");
    }
}
