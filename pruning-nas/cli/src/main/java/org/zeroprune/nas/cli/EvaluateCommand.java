package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.zeroprune.nas.cli.report.EvaluationReport;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.evaluate.EvaluateJob;
import org.zeroprune.nas.evaluate.Evaluation;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zeroprune evaluate}: how well each strategy's ranking agrees with measured fidelity. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample equal-budget candidates, measure each one's fidelity to the dense model (mean cosine"
                + " similarity of sentence embeddings on the corpus's evaluation part), score them with each strategy,"
                + " and report Kendall tau-b, Spearman rho, the fidelity of each strategy's top pick beside the best"
                + " measured candidate, and the time taken. Writes evaluation.json and evaluation.html (a score-versus-"
                + "fidelity plot per strategy).",
                "Strategies are written NAME or NAME:KEY=VALUE,KEY=VALUE, several separated by ';' or ','"
                        + " (a KEY=VALUE item belongs to the strategy before it); data-driven ones (fisher) get the"
                        + " corpus's calibration part only."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--strategy", paramLabel = "SPEC", description = "Strategies to evaluate (repeatable; default:"
            + " ${DEFAULT-VALUE}).", defaultValue = "synthetic-fidelity,perturbation,zerolm,params,magnitude,fisher,random")
    List<String> strategies;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "80", description = "Candidates sampled and"
            + " measured (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--labelled", paramLabel = "K", defaultValue = "0", description = "Candidates offered to strategies"
            + " as labelled samples (their measured fidelity); figures are then over the others (default:"
            + " ${DEFAULT-VALUE}).")
    int labelled;

    @Mixin
    SeedOption seed;

    // not CorpusOption: here the corpus is what fidelity is measured on, and has a default of its own
    @Option(names = "--corpus", paramLabel = "builtin|FILE", description = "Sentences: 'builtin' (the corpus shipped"
            + " with zeroprune; the default) or a text file, one sentence per line. Fidelity is measured on its"
            + " evaluation part; data-driven strategies get its calibration part.")
    String corpus;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "evaluation", description = "Output directory (default:"
            + " ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    PluginsOption plugins;

    @Mixin
    StrategyLimitOptions limits;

    @Mixin
    EngineOptions engine;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        try (OutputDirectory claimed = overwrite.claim(out, "evaluate", Arrays.asList(config.model, corpus,
                config.sts, config.file.fileName()))) {
            return evaluate(claimed, out);
        }
    }

    private int evaluate(OutputDirectory claimed, Path output) {
        PruneConfig configured = config.load(engine.addTo(limits.addTo(seed.addTo(config.overrides()
                .put("scoring.corpus", corpus, "--corpus")))));
        PluginRegistry registry = plugins.discover(configured.plugins());
        // with --plugins among the run's directories, so that an engine's workers find the same strategies
        PruneConfig loaded = configured.withPlugins(plugins.given());
        List<StrategySpec> specs = strategies.stream()
                .flatMap(s -> StrategySpec.parseList(s, w -> System.err.println("warning: " + w)).stream()).toList();
        Evaluation evaluation;
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            evaluation = new EvaluateJob(loaded, specs, candidates, labelled, registry,
                    quiet.progress(), runtime).run();
        }
        EvaluationReport.write(evaluation, claimed);
        System.out.println();
        System.out.print(EvaluationReport.table(evaluation));
        System.out.println("written    " + output.resolve("evaluation.json") + ", " + output.resolve("evaluation.html"));
        evaluation.language().flatMap(CorpusLanguageCheck::warning).ifPresent(w -> System.err.println("warning: " + w));
        evaluation.warnings().forEach(w -> System.err.println("warning: " + w));
        return 0;
    }
}
