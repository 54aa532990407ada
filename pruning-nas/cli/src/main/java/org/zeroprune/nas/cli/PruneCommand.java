package org.zeroprune.nas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.prune.PruneRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zeroprune prune}: search, rank and export. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search head and neuron masks of a BERT model under a budget, rank them with a scoring strategy,"
                + " and write out/ranking.json, out/ranking.csv, out/summary.json and the chosen candidate as a pruned"
                + " checkpoint in out/model.",
                "With no option (the defaults of defaults.yaml): the ${bundle:defaults.model} all-MiniLM-L6-v2 at"
                        + " ${bundle:defaults.budget.flops} of its FLOPs; ${bundle:defaults.search.strategy} search over"
                        + " ${bundle:defaults.search.candidates} candidates scored by ${bundle:defaults.scoring.strategy}"
                        + " (data-free, one forward pass each); seed ${bundle:defaults.search.seed}; output in"
                        + " ./${bundle:defaults.output.dir}."},
        footer = {"", "Settings come from the defaults, then --config FILE, then the options below; --set KEY=VALUE sets"
                + " any key of the configuration file (e.g. --set search.neuron-block=32)."})
final class PruneCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--strategy", paramLabel = "NAME[:KEY=VALUE,...]", description = "Scoring strategy, with options"
            + " as in evaluate, e.g. zerolm:alpha-selection=fixed,alpha=0.4 (see: zeroprune strategies; default:"
            + " ${bundle:defaults.scoring.strategy}).")
    String strategy;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "An option of the scoring strategy (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--latency", paramLabel = "RATIO", description = "Budget: kept fraction of the measured latency,"
            + " instead of --flops.")
    Double latency;

    @Option(names = "--search", paramLabel = "NAME", completionCandidates = SearchNames.class,
            description = "Search strategy: ${COMPLETION-CANDIDATES} (default: ${bundle:defaults.search.strategy}).")
    String search;

    @Option(names = "--candidates", paramLabel = "N", description = "Candidates the search evaluates (default:"
            + " ${bundle:defaults.search.candidates}).")
    Integer candidates;

    @Mixin
    SeedOption seed;

    @Mixin
    CorpusOption corpus;

    @Option(names = "--unit-importance", paramLabel = "NAME", description = "Strategy whose per-unit importance picks"
            + " the heads and neurons a layer keeps (default: the scoring strategy's); e.g. fisher, with --corpus.")
    String unitImportance;

    @Mixin
    ExportOptions export;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default:"
            + " ${bundle:defaults.output.dir}).")
    String out;

    @Mixin
    OverwriteOption overwrite;

    @Option(names = "--export-rank", paramLabel = "K", description = "Export the K-th best candidate (default:"
            + " ${bundle:defaults.output.export-rank}).")
    Integer exportRank;

    @Option(names = "--no-export", description = "Write the ranking only.")
    boolean noExport;

    @Option(names = "--masks", paramLabel = "ranges|order", description = "How the ranking writes each candidate's"
            + " masks: ranges of kept indices, or order: kept counts, with the unit order written once (much smaller;"
            + " needs units kept by importance) (default: ${bundle:defaults.output.masks}).")
    String masks;

    @Mixin
    PluginsOption plugins;

    @Mixin
    StrategyLimitOptions limits;

    @Mixin
    EngineOptions engine;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads, 0 = every core (default:"
            + " ${bundle:defaults.threads}).")
    Integer threads;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (noExport && (exportRank != null || export.format != null)) {
            // both choose what the export writes; with no export they would be ignored without a word
            throw new ConfigException((exportRank != null ? "--export-rank" : "--format") + " chooses what is exported,"
                    + " but --no-export exports nothing: give one of them");
        }
        if (config.severalBudgets(latency)) {
            throw new ConfigException("give one budget: --flops, --params or --latency");
        }
        Overrides overrides = config.overrides();
        if (strategy != null) {
            StrategySpec spec = onlyStrategy(strategy);
            overrides.put("scoring.strategy", spec.name(), "--strategy");
            spec.options().forEach((k, v) -> overrides.put("scoring.options." + k, v, "--strategy " + spec.name() + ":" + k + "="));
        }
        options.forEach((k, v) -> overrides.put("scoring.options." + k, v, "--option " + k + "="));
        engine.addTo(limits.addTo(seed.addTo(corpus.addTo(export.addTo(overrides)))));
        overrides.put("budget.latency", latency, "--latency").put("search.strategy", search, "--search")
                .put("search.candidates", candidates, "--candidates")
                .put("search.unit-importance", unitImportance, "--unit-importance")
                .put("output.dir", out, "--out").put("output.overwrite", overwrite.ifGiven(), "--overwrite")
                .put("output.export-rank", exportRank, "--export-rank").put("output.masks", masks, "--masks")
                .put("output.export", noExport ? false : null, "--no-export").put("threads", threads, "--threads");
        PruneConfig loaded = config.load(overrides).withPlugins(plugins.given());
        PruneResult result = PruneRunner.run(loaded, quiet.progress(), Caller.COMMAND_LINE);
        PruneConsoleSummary.print(loaded, result);
        return 0;
    }

    /** The one strategy of {@code --strategy}, written as evaluate's are ({@link StrategySpec}). */
    private static StrategySpec onlyStrategy(String text) {
        List<StrategySpec> specs = StrategySpec.parseList(text, w -> System.err.println("warning: " + w));
        if (specs.size() != 1) {
            throw new ConfigException("--strategy '" + text + "' names " + specs.size() + " strategies; prune ranks"
                    + " with one: NAME or NAME:KEY=VALUE,KEY=VALUE (evaluate compares several)");
        }
        return specs.get(0);
    }

}
