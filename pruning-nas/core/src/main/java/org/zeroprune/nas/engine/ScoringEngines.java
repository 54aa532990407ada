package org.zeroprune.nas.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ConfigException;

/** Opens the engine a run's {@code engine.name} selects: {@code local}, or one found by {@link ServiceLoader}. */
public final class ScoringEngines {
    private ScoringEngines() {
    }

    /**
     * The engine for one run; the caller closes it.
     *
     * @param caller whose wording the message uses when the engine is not on the class path
     * @throws ConfigException if no engine has that name (saying how to add one)
     */
    public static ScoringEngine open(EngineConfig config, Caller caller) {
        if (config.name().equals(LocalEngine.NAME)) {
            return LocalEngine.INSTANCE;
        }
        List<String> found = new ArrayList<>(List.of(LocalEngine.NAME));
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, ScoringEngines.class.getClassLoader())) {
            if (provider.name().equals(config.name())) {
                return provider.open(config);
            }
            found.add(provider.name());
        }
        throw new ConfigException("engine.name is '" + config.name() + "', but no engine of that name is on the class"
                + " path (found: " + String.join(", ", found) + ")" + (config.name().equals("spark")
                ? ": " + caller.sparkHint() : "; expected one of those"));
    }
}
