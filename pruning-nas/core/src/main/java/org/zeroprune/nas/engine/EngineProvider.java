package org.zeroprune.nas.engine;

/**
 * A scoring engine other than {@code local}, found by {@link java.util.ServiceLoader} under {@code
 * META-INF/services/org.zeroprune.nas.engine.EngineProvider} (the spark module registers {@code spark}).
 */
public interface EngineProvider {
    /** {@return the name {@code engine.name} selects it by} */
    String name();

    /**
     * Starts the engine for one run.
     *
     * @throws org.zeroprune.nas.ConfigException if the settings are refused (naming the key and value)
     * @throws org.zeroprune.nas.ZeroPruneException if the engine cannot start (a cluster that does not answer)
     */
    ScoringEngine open(EngineConfig config);
}
