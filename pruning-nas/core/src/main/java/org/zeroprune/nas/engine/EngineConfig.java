package org.zeroprune.nas.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where candidates are scored (configuration keys {@code engine.*}).
 *
 * @param name {@code local} (this JVM's threads) or a registered engine such as {@code spark}
 * @param master the distributed engine's cluster: {@code local[2]}, {@code spark://HOST:PORT}, {@code yarn}, ...;
 *     empty for the engine's own setting (spark-submit's {@code --master}), else {@code local[*]}
 * @param appName the name the cluster shows for the run
 * @param files how the checkpoint, plugin directories and corpus reach the workers: {@code shared} (the
 *     same paths, a shared file system), {@code ship} (the engine copies them once per run) or {@code auto}
 *     (shared for a {@code local} master, else ship)
 * @param conf further settings for the engine, such as {@code spark.executor.memory}; nested keys are
 *     joined with dots
 */
public record EngineConfig(String name, String master, String appName, String files, Map<String, Object> conf) {
    /** Copies the settings. */
    public EngineConfig {
        conf = conf == null ? Map.of() : Map.copyOf(conf);
    }

    /** The default: scoring on this JVM's threads. */
    public static EngineConfig local() {
        return new EngineConfig(LocalEngine.NAME, "", "zeroprune", "auto", Map.of());
    }

    /**
     * {@return whether the workers read the driver's own paths rather than copies}
     *
     * @param effectiveMaster the master the engine runs on ({@link #master()}, or the engine's own when that is empty)
     */
    public boolean sharedFiles(String effectiveMaster) {
        return files.equals("shared") || files.equals("auto") && effectiveMaster.startsWith("local");
    }

    /** {@return {@link #conf()} with nested keys joined by dots ({@code spark: {ui.enabled: true}} as {@code spark.ui.enabled}), sorted} */
    public Map<String, String> flatConf() {
        Map<String, String> flat = new TreeMap<>();
        flatten("", conf, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> tree, Map<String, String> into) {
        new LinkedHashMap<>(tree).forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> m) {
                flatten(key + ".", m, into);
            } else {
                into.put(key, String.valueOf(v));
            }
        });
    }
}
