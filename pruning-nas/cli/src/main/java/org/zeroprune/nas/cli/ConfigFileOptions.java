package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --set KEY=VALUE}: the configuration file and keys, shared by every
 * command that reads the configuration ({@code prune}, {@code evaluate}, {@code export}).
 */
final class ConfigFileOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or JSON configuration file (keys as in"
            + " defaults.yaml).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set any configuration key (repeatable; e.g."
            + " search.neuron-block=32).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** {@return the overrides of {@code --set}, to which a command adds its own options} */
    Overrides overrides() {
        return new Overrides(settings);
    }

    /** {@return the configuration: defaults, then {@code --config}, then {@code overrides}} */
    PruneConfig load(Overrides overrides) {
        return ConfigLoader.load(Optional.ofNullable(configFile), overrides.values(), Caller.COMMAND_LINE);
    }

    /** {@return the configuration file as given, or null: an input an output directory must not hold} */
    String fileName() {
        return configFile == null ? null : configFile.toString();
    }
}
