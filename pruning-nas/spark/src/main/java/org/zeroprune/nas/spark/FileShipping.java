package org.zeroprune.nas.spark;

import java.io.File;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.engine.ScorerRecipe;

/**
 * Gets a recipe's files (checkpoint, plugin directories, corpus) to the executors: with {@code
 * engine.files: ship}, {@code SparkContext.addFile} once per path and run (directories recursively),
 * each executor fetching its copy once; with {@code shared}, nothing, the executors reading the
 * driver's paths.
 */
final class FileShipping {
    private final JavaSparkContext spark;
    private final boolean shared;
    private final Set<String> shipped = new HashSet<>();

    FileShipping(JavaSparkContext spark, boolean shared) {
        this.spark = spark;
        this.shared = shared;
    }

    /** Whether executors read the driver's own paths. */
    boolean shared() {
        return shared;
    }

    /** Adds the recipe's files not yet added to the job's files. */
    void ship(ScorerRecipe recipe) {
        if (shared) {
            return;
        }
        for (String path : recipe.files()) {
            if (shipped.add(path)) {
                File file = new File(path);
                if (!file.exists()) {
                    throw new ZeroPruneException("the spark engine cannot ship '" + path + "' to the executors: it does"
                            + " not exist on this machine");
                }
                spark.sc().addFile(path, file.isDirectory());
            }
        }
    }
}
