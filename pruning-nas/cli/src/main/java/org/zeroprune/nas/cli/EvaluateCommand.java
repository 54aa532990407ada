package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.config.PruneModule;
import org.zeroprune.nas.eval.CorpusLanguageCheck;
import org.zeroprune.nas.evaluate.EvaluateJob;
import org.zeroprune.nas.evaluate.Evaluation;
import org.zeroprune.nas.evaluate.EvaluationReport;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.forward.DjlModelRuntime;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zeroprune evaluate}: how well each strategy's ranking agrees with measured fidelity. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample equal-budget candidates, measure each one's fidelity to the dense model (mean cosine"
                + " similarity of sentence embeddings on the corpus's evaluation part), score them with each strategy,"
                + " and report Kendall tau-b, Spearman rho, the fidelity of each strategy's top pick beside the best"
                + " measured candidate, and the time taken. Writes evaluation.json and evaluation.html (a score-versus-"
                + "fidelity plot per strategy).",
                "Strategies are written NAME or NAME:KEY=VALUE,KEY=VALUE; data-driven ones (fisher) get the corpus's"
                        + " calibration part only."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR|FILE.onnx", description = "Model (default: embedded).")
    String model;

    @Option(names = "--config", paramLabel = "FILE", description = "A prune configuration file for model, budget and"
            + " search-space settings.")
    Path configFile;

    private static final List<String> DEFAULT_STRATEGIES = List.of("synthetic-fidelity", "perturbation", "zerolm",
            "params", "magnitude", "fisher", "random");

    @Option(names = "--strategy", paramLabel = "SPEC", split = ";", description = "A strategy to evaluate (repeatable;"
            + " default: synthetic-fidelity, perturbation, zerolm, params, magnitude, fisher, random).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--flops", paramLabel = "RATIO", description = "FLOPs budget of the candidates (default 0.6).")
    Double flops;

    @Option(names = "--params", paramLabel = "RATIO", description = "Parameter budget instead.")
    Double params;

    @Option(names = "--candidates", paramLabel = "N", description = "Candidates sampled and measured (default 80).")
    int candidates = 80;

    @Option(names = "--labelled", paramLabel = "K", description = "Candidates offered to strategies as labelled samples"
            + " (their measured fidelity); figures are then over the others (default 0).")
    int labelled;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the candidates (default 42).")
    Long seed;

    @Option(names = "--corpus", paramLabel = "builtin|FILE", description = "Sentences: the shipped corpus (default) or a"
            + " text file, one sentence per line.")
    String corpus;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: evaluation).")
    String out = "evaluation";

    @Option(names = "--overwrite", description = "Replace an existing output directory.")
    boolean overwrite;

    @Option(names = "--plugins", paramLabel = "DIR", description = "A plugin directory (repeatable).")
    List<String> plugins = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any prune configuration key (e.g."
            + " search.neuron-block=32).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--sts", paramLabel = "FILE", description = "An STS benchmark file (tab-separated: genre, file, year,"
            + " id, score, sentence 1, sentence 2): report the Spearman x100 of the dense model, the best candidate and"
            + " each strategy's top pick.")
    String sts;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() {
        Path output = Paths.get(out);
        try (OutputDirectory claimed = OutputDirectory.claim(output, overwrite, "evaluate",
                Arrays.asList(model, corpus, sts, configFile == null ? null : configFile.toString()))) {
            return evaluate(claimed, output);
        }
    }

    private int evaluate(OutputDirectory claimed, Path output) {
        Overrides overrides = new Overrides(settings).put("model", model, "--model").put("budget.flops", flops, "--flops")
                .put("budget.params", params, "--params").put("search.seed", seed, "--seed")
                .put("scoring.corpus", corpus, "--corpus").put("output.sts", sts, "--sts");
        PruneConfig config = ConfigLoader.load(Optional.ofNullable(configFile), overrides.values());
        List<String> dirs = new ArrayList<>(config.plugins());
        dirs.addAll(plugins);
        PluginRegistry registry = PluginRegistry.discover(PruneModule.pluginDirectories(dirs));
        List<StrategySpec> specs = (strategies.isEmpty() ? DEFAULT_STRATEGIES : strategies).stream()
                .map(StrategySpec::parse).toList();
        Evaluation evaluation;
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            evaluation = new EvaluateJob(config, specs, candidates, labelled, registry,
                    new ConsoleProgress(System.err, quiet), runtime).run();
        }
        EvaluationReport.write(evaluation, claimed);
        System.out.println();
        System.out.print(EvaluationReport.table(evaluation));
        System.out.println("written    " + output.resolve("evaluation.json") + ", " + output.resolve("evaluation.html"));
        evaluation.language().flatMap(CorpusLanguageCheck::warning).ifPresent(w -> System.err.println("warning: " + w));
        return 0;
    }
}
