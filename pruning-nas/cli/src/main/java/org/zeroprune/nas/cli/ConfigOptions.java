package org.zeroprune.nas.cli;

import org.zeroprune.nas.config.PruneConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The configuration options of {@code prune} and {@code evaluate}: the model, the budget and the
 * configuration file and keys. None has a picocli default (see the package comment).
 */
final class ConfigOptions {
    @Option(names = "--model", paramLabel = "DIR|FILE.onnx", description = "Checkpoint directory, .onnx file,"
            + " djl://... or 'embedded', the all-MiniLM-L6-v2 shipped with zeroprune (default: ${bundle:defaults.model}).")
    String model;

    @Mixin
    ConfigFileOptions file;

    @Option(names = "--flops", paramLabel = "RATIO", description = "Budget: kept fraction of the dense MACs, in (0, 1]"
            + " (default: ${bundle:defaults.budget.flops}).")
    Double flops;

    @Option(names = "--params", paramLabel = "RATIO", description = "Budget: kept fraction of the encoder's parameters,"
            + " instead of --flops.")
    Double params;

    @Option(names = "--sts", paramLabel = "FILE", description = "An STS benchmark file, one pair per line (tab-separated:"
            + " genre, file, year, id, score from 0 to 5, sentence 1, sentence 2, optionally more columns after them;"
            + " no other layout is read): report the Spearman x100 of the dense model and of the pruned ones on it.")
    String sts;

    /** Overrides from {@code --set}, then this mixin's options. */
    Overrides overrides() {
        return file.overrides().put("model", model, "--model").put("budget.flops", flops, "--flops")
                .put("budget.params", params, "--params").put("output.sts", sts, "--sts");
    }

    /** The configuration: defaults, then {@code --config}, then {@code overrides}. */
    PruneConfig load(Overrides overrides) {
        return file.load(overrides);
    }

    /** Whether more than one budget option was given; {@code latency} is prune's third, or null. */
    boolean severalBudgets(Double latency) {
        return (flops != null ? 1 : 0) + (params != null ? 1 : 0) + (latency != null ? 1 : 0) > 1;
    }
}
