package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TinyBert;

/**
 * {@code --engine} and {@code --master} refused by name before any work: the spark engine when its
 * module is not on the class path (as in the launcher's default build, and in this module's tests), a
 * master URL Spark would not take, an engine nobody registered.
 */
class EngineOptionsCliTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void tinyModel() throws Exception {
        model = new TinyBert().write(dir.resolve("tiny"));
    }

    @Test
    void theSparkEngineWithoutItsModuleSaysHowToAddIt() {
        CliRun.prune(model, dir.resolve("spark"), "--engine", "spark", "--master", "local[2]")
                .assertOneLineError("engine.name is 'spark', but no engine of that name is on the class path (found:"
                        + " local): run the launcher with ZEROPRUNE_ENGINE=spark");
        CliRun.of("evaluate", "--model", model.toString(), "--strategy", "params", "--engine", "spark", "--out", dir.resolve("ev").toString())
                .assertOneLineError("engine.name is 'spark', but no engine of that name is on the class path");
        assertFalse(Files.exists(dir.resolve("spark")), "nothing is written");
    }

    @Test
    void aMasterUrlSparkWouldRefuseIsNamed() {
        CliRun.prune(model, dir.resolve("master"), "--engine", "spark", "--master", "local[two]")
                .assertOneLineError("key 'engine.master' is 'local[two]'; expected empty (spark-submit's --master, else"
                        + " local[*]) or a Spark master URL: local, local[N]");
        CliRun.prune(model, dir.resolve("master2"), "--master", "spark//host:7077")
                .assertOneLineError("key 'engine.master' is 'spark//host:7077'");
    }

    @Test
    void anUnknownEngineIsNamed() {
        CliRun.prune(model, dir.resolve("flink"), "--engine", "flink")
                .assertOneLineError("engine.name is 'flink', but no engine of that name is on the class path (found:"
                        + " local); expected one of those");
    }
}
