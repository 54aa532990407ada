package org.zeroprune.nas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/** The {@code engine.*} keys as read, checked and opened, and masks as they travel to workers. */
class EngineConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultIsTheLocalEngine() {
        EngineConfig e = ConfigLoader.load(Optional.empty(), Map.of()).engine();
        assertEquals(EngineConfig.local(), e);
        assertSame(LocalEngine.INSTANCE, ScoringEngines.open(e, Caller.JAVA_API));
    }

    @Test
    void sparkSettingsFromAFileAndFromSetAreJoinedWithDots() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "engine:\n  name: spark\n  master: spark://head:7077\n"
                + "  conf: {spark.executor.memory: 8g}\n");
        PruneConfig c = ConfigLoader.load(Optional.of(file), Map.of("engine.conf.spark.task.maxFailures", "8"));
        assertEquals(Map.of("spark.executor.memory", "8g", "spark.task.maxFailures", "8"), c.engine().flatConf());
        assertFalse(c.engine().sharedFiles("spark://head:7077"), "auto ships files to a cluster");
        assertTrue(c.engine().sharedFiles("local[2]"), "auto reads the same paths on one machine");
    }

    @Test
    void badValuesAreRefusedByKey() {
        assertEquals("command line: key 'engine.master' is 'spark:/head'; expected empty (spark-submit's --master,"
                + " else local[*]) or a Spark master URL: local, local[N], local[*], local[N,RETRIES],"
                + " local-cluster[WORKERS,CORES,MB], spark://HOST:PORT, yarn or k8s://HOST:PORT",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                        Map.of("engine.master", "spark:/head"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("engine.files", "copy"))).getMessage().contains("key 'engine.files' is 'copy'; expected auto,"
                        + " shared or ship"));
        for (String master : new String[] {"local", "local[4]", "local[*]", "local[2,3]", "local-cluster[2,1,1024]",
                "spark://a:7077,b:7077", "yarn", "k8s://https://api:6443"}) {
            assertEquals(master, ConfigLoader.load(Optional.empty(), Map.of("engine.master", master)).engine().master());
        }
    }

    @Test
    void anEngineNotOnTheClassPathSaysHowToAddItInTheCallersWords() {
        EngineConfig spark = new EngineConfig("spark", "local[2]", "zeroprune", "auto", Map.of());
        assertTrue(assertThrows(ConfigException.class, () -> ScoringEngines.open(spark, Caller.JAVA_API)).getMessage()
                .endsWith(": add the artifact org.zeroprune:zeroprune-spark (and Spark's jars) to the program's class"
                        + " path"));
    }

    @Test
    void aMaskTravelsAndComesBackEqual() {
        PruningMask mask = PruningMask.of(java.util.List.of(UnitSet.of(12, 0, 5, 11), UnitSet.none(12)),
                java.util.List.of(UnitSet.firstN(3072, 2000), UnitSet.of(3072, 70, 3071)));
        assertEquals(mask, MaskData.of(mask).mask());
    }
}
