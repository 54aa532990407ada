package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import picocli.CommandLine.Option;

/**
 * The configuration options of {@code prune} and {@code evaluate}: the model, the budget and the
 * configuration file and keys. None has a picocli default (see the package comment).
 */
final class ConfigOptions {
    @Option(names = "--model", paramLabel = "DIR|FILE.onnx", description = "Checkpoint directory, .onnx file,"
            + " djl://... or 'embedded', the all-MiniLM-L6-v2 shipped with zeroprune (default: ${bundle:defaults.model}).")
    String model;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or JSON configuration file (keys as in"
            + " defaults.yaml).")
    Path configFile;

    @Option(names = "--flops", paramLabel = "RATIO", description = "Budget: kept fraction of the dense MACs, in (0, 1]"
            + " (default: ${bundle:defaults.budget.flops}).")
    Double flops;

    @Option(names = "--params", paramLabel = "RATIO", description = "Budget: kept fraction of the encoder's parameters,"
            + " instead of --flops.")
    Double params;

    @Option(names = "--sts", paramLabel = "FILE", description = "An STS benchmark file (tab-separated: genre, file, year,"
            + " id, score, sentence 1, sentence 2): report the Spearman x100 of the dense model and of the pruned ones on"
            + " it.")
    String sts;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set any configuration key (repeatable; e.g."
            + " search.neuron-block=32).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Overrides from {@code --set}, then this mixin's options. */
    Overrides overrides() {
        return new Overrides(settings).put("model", model, "--model").put("budget.flops", flops, "--flops")
                .put("budget.params", params, "--params").put("output.sts", sts, "--sts");
    }

    /** The configuration: defaults, then {@code --config}, then {@code overrides}. */
    PruneConfig load(Overrides overrides) {
        return ConfigLoader.load(Optional.ofNullable(configFile), overrides.values());
    }

    /** Whether more than one budget option was given; {@code latency} is prune's third, or null. */
    boolean severalBudgets(Double latency) {
        return (flops != null ? 1 : 0) + (params != null ? 1 : 0) + (latency != null ? 1 : 0) > 1;
    }
}
