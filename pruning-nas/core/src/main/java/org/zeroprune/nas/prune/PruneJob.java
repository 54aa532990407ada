package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.config.PruneModule;
import org.zeroprune.nas.engine.LocalEngine;
import org.zeroprune.nas.engine.ScoringEngine;
import org.zeroprune.nas.engine.ScoringEngines;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.Quantization;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.model.NothingLeftToPrune;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.PluginException;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.quality.StsBenchmark;
import org.zeroprune.nas.rank.MaskFormat;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.rank.RankingWriter;
import org.zeroprune.nas.rank.UnitOrder;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.ScoredCandidate;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.ScoringContext;

/**
 * The pruning pipeline: load the model, prepare the scoring strategy, search the space under the
 * budget, rank, and write the ranking and the chosen candidate as a pruned checkpoint. The output
 * directory appears complete or not at all.
 */
public final class PruneJob {
    private final PruneConfig config;
    private final PluginRegistry registry;
    private final Map<String, SearchStrategy> searches;
    private final ProgressListener progress;
    private final ModelRuntime runtime;
    private final Caller caller;

    /** A job over injected parts; {@code caller} words the output directory's messages. */
    @Inject
    public PruneJob(PruneConfig config, PluginRegistry registry, Map<String, SearchStrategy> searches,
            ProgressListener progress, ModelRuntime runtime, Caller caller) {
        this.config = config;
        this.registry = registry;
        this.searches = searches;
        this.progress = progress;
        this.runtime = runtime;
        this.caller = caller;
    }

    /** Runs the pipeline. */
    public PruneResult run() {
        Path out = Paths.get(config.output().dir());
        // checked and locked before the work, so that a refused or unwritable output fails in a second
        try (OutputDirectory output = OutputDirectory.claim(out, config.output().overwrite(), "prune",
                List.of(config.model(), config.scoring().corpus(), config.output().sts()), caller);
                ScoringEngine engine = ScoringEngines.open(config.engine(), caller)) {
            return run(output, out, engine);
        }
    }

    private PruneResult run(OutputDirectory output, Path out, ScoringEngine engine) {
        // read before the search, so that a bad file fails in seconds, not after it
        Optional<StsBenchmark> sts = config.output().sts().isBlank() ? Optional.empty()
                : Optional.of(StsBenchmark.read(Paths.get(config.output().sts())));
        RegisteredStrategy registered = registry.get(config.scoring().strategy());
        ConfiguredStrategy strategy = ConfiguredStrategy.create(registered, config.scoring().options())
                .withLimits(config.scoring().limits());
        SearchStrategy search = searches.get(config.search().strategy());
        Optional<ScreenForm> screenForm = search.screensWithCheaperForm()
                ? ScreenForm.resolve(config.search(), registered, config.scoring().options()) : Optional.empty();
        // created now, so that the screen's options are checked before the model loads
        Optional<ConfiguredStrategy> cheaperForm = screenForm.map(f -> f.strategy(registered, config));
        int shortlist = Math.min(config.search().shortlist(), config.search().candidates());
        if ((search.screens() || screenForm.isPresent()) && config.output().export()
                && config.output().exportRank() > shortlist) {
            // refused before minutes of search rather than after them
            throw new ConfigException("output.export-rank (--export-rank) is " + config.output().exportRank()
                    + ", but this search ranks only its shortlist of " + shortlist + " (search.shortlist): choose a rank"
                    + " from 1 to " + shortlist + ", raise search.shortlist, or set search.screen to off");
        }
        PhaseTimer timer = new PhaseTimer();

        LoadedModel model = timer.time("load", () -> {
            try (ProgressTask task = progress.start("Loading model", -1)) {
                return ModelSource.load(config.model());
            }
        });
        NothingLeftToPrune.check(model);
        if (sts.isPresent() || config.output().measureFidelity()
                || ReconstructionLevel.named(config.reconstruct().level()) != ReconstructionLevel.NONE) {
            // before the search: an overflowing model would otherwise be pruned and reported with NaN figures
            runtime.checkDenseOutputs(model);
        }
        ViewCostModel costs = new ViewCostModel(model.view(), model.costSequenceLength(config.budget().sequenceLength()));
        String corpus = config.scoring().corpus();
        // the corpus calibrates (scoring.corpus) or, without one, the shipped corpus measures fidelity
        Optional<CorpusLanguageCheck> language = (!corpus.isBlank() ? CorpusLanguageCheck.ofCorpus(runtime, model, corpus)
                : config.output().measureFidelity() ? CorpusLanguageCheck.ofBundled(runtime, model)
                : Optional.<CorpusLanguageCheck>empty()).map(CorpusLanguageCheck::requireReadable);
        SearchSpace plainSpace = space(Optional.empty(), model);
        ScoringContext context = ScoringContexts.of(config.search().seed(), progress, model, plainSpace, costs, runtime,
                corpus).build(costs);
        PruneScorers scorers = scoringOn(engine, PruneScorers.prepare(config, registry, strategy,
                cheaperForm, search, model, context, timer), screenForm);
        SearchSpace space = scorers.unitOrder().map(i -> space(Optional.of(i), model)).orElse(plainSpace);
        MaskFormat maskFormat = MaskFormat.named(config.output().masks());
        if (maskFormat == MaskFormat.ORDER && !space.prefixOnly()) {
            // unit-selection random is refused with the configuration; auto lands here when no strategy orders units
            throw new ConfigException("output.masks is 'order', which writes kept counts over an importance order of the"
                    + " units, but this run keeps units in random order (search.unit-selection is auto and strategy '"
                    + registered.name() + "' gives no per-unit importance): set output.masks to ranges, or"
                    + " search.unit-importance to a strategy that orders units (fisher, magnitude, perturbation)");
        }
        Budget budget = budget(model, costs, space, timer);
        budget.checkFeasible(space.minimalHeads(), space.minimalNeurons(),
                space.describeMinimums(config.search().minHeads(), config.search().minNeurons()));

        List<ScoredCandidate> ranked = timer.time("search", () -> new PruneSearch(config, progress).run(search, space,
                budget, costs, scorers.scoring(), scorers.screening()));
        if (ranked.isEmpty()) {
            throw new PluginException("the search evaluated no candidate");
        }
        ReconstructionStep reconstruction = new ReconstructionStep(config.reconstruct(), config.scoring().corpus(),
                runtime, config.search().seed());
        if (config.output().export() && config.output().exportRank() > ranked.size()) {
            throw new ConfigException("output.export-rank (--export-rank) is " + config.output().exportRank()
                    + ", but the search ranked " + ranked.size() + " candidates: choose a rank from 1 to " + ranked.size()
                    + " (nothing was written)");
        }
        int rankAsked = Math.min(config.output().exportRank(), ranked.size());
        RerankPlan rerankPlan = RerankPlan.of(config.output().export() ? config.reconstruct().rerank() : 1, rankAsked,
                ranked.size(), reconstruction.reconstructs(model) && model.checkpoint().tokenizer().isPresent());
        Optional<ReconstructedRerank.Pick> reranked = rerank(reconstruction, model, ranked, rerankPlan, timer);
        int exportRank = reranked.map(ReconstructedRerank.Pick::rank).orElse(rankAsked);
        SummaryAssembly figures = new SummaryAssembly(model, costs, scorers.scoring(), budget, ranked, exportRank,
                registry.problems());
        ScoredCandidate chosen = figures.chosen();

        ChosenModelQuality quality = new ChosenModelQuality(runtime, model, chosen.mask(), config.scoring().corpus(),
                config.output().measureFidelity(), sts);
        ObjectNode header = RankingHeader.of(config, model, registered, scorers, costs, budget, space, ranked.size());
        Optional<UnitOrder> keptOrder = space.prefixOnly() ? Optional.of(keptOrder(space)) : Optional.empty();
        RankingWriter ranking = new RankingWriter(header, ranked, costs.denseMacs(), costs.denseParams(),
                figures.fixedParams(), maskFormat, keptOrder);
        PruneSummary[] summary = new PruneSummary[1];
        Optional<Path> exported = config.output().export() ? Optional.of(out.resolve("model")) : Optional.empty();
        ExportFormat format = ExportFormat.named(config.output().format());
        Quantization quantization = Quantization.named(config.output().quantize(), config.output().reduceRange());
        Optional<Path> exportedOnnx = exported.filter(p -> format.onnx()).map(p -> p.resolve(OnnxExport.FILE));
        ModelExportStep export = new ModelExportStep(config, runtime, progress, timer);
        timer.time("export", () -> output.write(dir -> {
            // its own phase: with importance-ordered units the ranking's masks can outweigh the checkpoint
            timer.time("write-ranking", () -> {
                ranking.writeJson(dir);
                ranking.writeCsv(dir);
            });
            Optional<ModelExportStep.Exported> written = config.output().export() ? Optional.of(export.write(dir, exported.get(), model,
                    chosen.mask(), ranking.row(exportRank), format, quantization, reranked, reconstruction))
                    : Optional.empty();
            summary[0] = figures.summary(config, timer, written.map(ModelExportStep.Exported::figures)
                    .orElse(PruneSummary.Export.NONE), exported, exportedOnnx, header.at("/search/unitOrder").asText(),
                    language, rerankPlan.warning());
            if (quality.measures()) {
                try (ProgressTask task = progress.start("Measuring the chosen model's quality", -1)) {
                    summary[0] = timer.time("quality", () -> quality.withQuality(summary[0],
                            written.map(ModelExportStep.Exported::checkpoint)));
                }
            }
            Files.writeString(dir.resolve("summary.json"), summary[0].toJsonText());
        }));
        return new PruneResult(out, ranked, chosen, exported, exportedOnnx, summary[0].withSeconds(timer.seconds()));
    }

    /** The prepared strategies, scoring their batches on {@code engine}, whose workers rebuild them from recipes. */
    private PruneScorers scoringOn(ScoringEngine engine, PruneScorers scorers, Optional<ScreenForm> screenForm) {
        if (engine == LocalEngine.INSTANCE) {
            return scorers;
        }
        String job = UUID.randomUUID().toString();
        List<Path> plugins = PruneModule.pluginDirectories(config.plugins());
        String corpus = config.scoring().corpus();
        PreparedStrategy scoring = scorers.scoring().scoringOn(engine, StrategyRecipe.of(job, config, plugins,
                config.scoring().strategy(), scorers.scoring(), config.scoring().options(), corpus, List.of()));
        // the hybrid search's named screen with its defaults, or the scoring strategy's cheaper form
        String screenName = screenForm.isPresent() ? config.scoring().strategy() : config.search().screening();
        Map<String, String> screenOptions = screenForm.map(ScreenForm::options).orElse(Map.of());
        Optional<PreparedStrategy> screening = scorers.screening().map(s -> s.scoringOn(engine, StrategyRecipe.of(job,
                config, plugins, screenName, s, screenOptions, corpus, List.of())));
        return new PruneScorers(scoring, screening, scorers.unitOrderSource(), scorers.unitOrder());
    }

    /** With {@code reconstruct.rerank} above 1, the candidate that reconstructs best among the best-ranked. */
    private Optional<ReconstructedRerank.Pick> rerank(ReconstructionStep step, LoadedModel model,
            List<ScoredCandidate> ranked, RerankPlan plan, PhaseTimer timer) {
        if (plan.count() < 2) {
            return Optional.empty();
        }
        try (ProgressTask task = progress.start(plan.progress(), -1)) {
            return Optional.of(timer.time("rerank", () -> ReconstructedRerank.pick(step, runtime, model, ranked,
                    plan.first(), plan.count())));
        }
    }

    private SearchSpace space(Optional<UnitImportance> importance, LoadedModel model) {
        return SearchSpace.of(model.view(), config.search().neuronBlock(), config.search().minHeads(),
                config.search().minNeurons(), importance);
    }

    private static UnitOrder keptOrder(SearchSpace space) {
        int[][] heads = new int[space.layers()][];
        int[][] neurons = new int[space.layers()][];
        for (int l = 0; l < space.layers(); l++) {
            heads[l] = space.headOrder(l);
            neurons[l] = space.neuronOrder(l);
        }
        return new UnitOrder(heads, neurons);
    }

    private Budget budget(LoadedModel model, ViewCostModel costs, SearchSpace space, PhaseTimer timer) {
        BudgetKind kind = config.budgetKind();
        LayerCosts layerCosts = kind.layerCosts(costs, () -> timer.time("latency-table", () -> {
            try (ProgressTask task = progress.start("Timing attention and FFN blocks", -1)) {
                return runtime.latencyCosts(model, config.budget().sequenceLength(), config.budget().latencyBatch());
            }
        }));
        return new Budget(kind, config.budgetRatio(), layerCosts, space.denseHeads(), space.denseNeurons());
    }
}
