package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.eval.CorpusLanguageCheck;
import org.zeroprune.nas.eval.StsBenchmark;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.PrunedModelExport;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.forward.ModelRuntime;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.export.onnx.OrtLatencyComparison;
import org.zeroprune.nas.plugin.PluginException;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.nas.rank.MaskFormat;
import org.zeroprune.nas.rank.RankingWriter;
import org.zeroprune.nas.rank.UnitOrder;
import org.zeroprune.nas.reconstruct.Reconstructor;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.CandidateEvaluator;
import org.zeroprune.nas.search.GenomeSampler;
import org.zeroprune.nas.search.ScoredCandidate;
import org.zeroprune.nas.search.SearchContext;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.nas.timing.LatencyBudget;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The pruning pipeline: load the model, prepare the scoring strategy, search the space under the
 * budget, rank, and write the ranking and the chosen candidate as a pruned checkpoint. The output
 * directory appears complete or not at all.
 */
public final class PruneJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PruneConfig config;
    private final PluginRegistry registry;
    private final Map<String, SearchStrategy> searches;
    private final ProgressListener progress;
    private final ModelRuntime runtime;

    /** A job over injected parts. */
    @Inject
    public PruneJob(PruneConfig config, PluginRegistry registry, Map<String, SearchStrategy> searches,
            ProgressListener progress, ModelRuntime runtime) {
        this.config = config;
        this.registry = registry;
        this.searches = searches;
        this.progress = progress;
        this.runtime = runtime;
    }

    /** Runs the pipeline. */
    public PruneResult run() {
        Path out = Paths.get(config.output().dir());
        // checked and locked before the work, so that a refused or unwritable output fails in a second
        try (OutputDirectory output = OutputDirectory.claim(out, config.output().overwrite(), "prune",
                List.of(config.model(), config.scoring().corpus(), config.output().sts()))) {
            return run(output, out);
        }
    }

    private PruneResult run(OutputDirectory output, Path out) {
        // read before the search, so that a bad file fails in seconds, not after it
        Optional<StsBenchmark> sts = config.output().sts().isBlank() ? Optional.empty()
                : Optional.of(StsBenchmark.read(Paths.get(config.output().sts())));
        RegisteredStrategy registered = registry.get(config.scoring().strategy());
        ScoringStrategy strategy = registered.create(config.scoring().options());
        SearchStrategy search = searches.get(config.search().strategy());
        PhaseTimer timer = new PhaseTimer();

        LoadedModel model = timer.time("load", () -> {
            try (ProgressTask task = progress.start("Loading model", -1)) {
                return ModelSource.load(config.model());
            }
        });
        ViewCostModel costs = new ViewCostModel(model.view(), model.costSequenceLength(config.budget().sequenceLength()));
        String corpus = config.scoring().corpus();
        Optional<CorpusLanguageCheck> language = corpus.equals("builtin") || corpus.isBlank()
                && config.output().measureFidelity() ? CorpusLanguageCheck.ofBundled(runtime, model) : Optional.empty();
        SearchSpace plainSpace = space(Optional.empty(), model);
        ScoringContext context = new PruneScoringContext(config.search().seed(), costs,
                new SpaceSampler(model.view(), plainSpace, costs), runtime.forward(model),
                config.scoring().corpus().isBlank() ? Optional.empty() : runtime.calibration(config.scoring().corpus(), model),
                progress);
        checkRequirements(registered, strategy, context);
        CandidateScorer scorer = timer.time("prepare", () -> prepare(registered, strategy, model, context));

        boolean hybrid = search.name().equals("hybrid");
        Optional<NamedScorer> screening = hybrid ? Optional.of(timer.time("screen-prepare",
                () -> prepareNamed(config.search().screening(), model, context))) : Optional.empty();
        // whose per-unit importance picks the units a layer keeps: a strategy's name, or empty for random picks
        Optional<String> unitOrderSource = unitOrderSource(registered, scorer, screening);
        Optional<UnitImportance> unitOrder = unitOrderSource.map(name -> unitOrder(name,
                new NamedScorer(registered.name(), scorer), screening, model, context, timer));
        SearchSpace space = unitOrder.map(i -> space(Optional.of(i), model)).orElse(plainSpace);
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

        List<ScoredCandidate> ranked = timer.time("search", () -> search(search, space, budget, costs, scorer, registered,
                screening));
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
        Optional<ReconstructedRerank.Pick> reranked = rerank(reconstruction, model, ranked, rankAsked, timer);
        int exportRank = reranked.map(ReconstructedRerank.Pick::rank).orElse(rankAsked);
        ScoredCandidate chosen = ranked.get(exportRank - 1);

        long fixedParams = model.checkpoint().parameterCount() - costs.denseParams();
        ChosenModelQuality quality = new ChosenModelQuality(runtime, model, chosen.mask(), config.scoring().corpus(),
                config.output().measureFidelity(), sts);
        ObjectNode header = header(model, registered, scorer, costs, budget, space, ranked.size(), unitOrderSource);
        Optional<UnitOrder> keptOrder = space.prefixOnly() ? Optional.of(keptOrder(space)) : Optional.empty();
        RankingWriter ranking = new RankingWriter(header, ranked, costs.denseMacs(), costs.denseParams(), fixedParams,
                maskFormat, keptOrder);
        ObjectNode summary = JSON.createObjectNode();
        BertCheckpoint[] exportedModel = new BertCheckpoint[1];
        Optional<Path> exported = config.output().export() ? Optional.of(out.resolve("model")) : Optional.empty();
        ExportFormat format = ExportFormat.named(config.output().format());
        Optional<Path> exportedOnnx = exported.filter(p -> format.onnx()).map(p -> p.resolve(OnnxExport.FILE));
        timer.time("export", () -> output.write(dir -> {
            // its own phase: with importance-ordered units the ranking's masks can outweigh the checkpoint
            timer.time("write-ranking", () -> {
                ranking.writeJson(dir);
                ranking.writeCsv(dir);
            });
            if (config.output().export()) {
                Path modelDir = dir.resolve("model");
                Files.createDirectory(modelDir);
                ObjectNode masks = ranking.row(exportRank);
                masks.put("source", model.description());
                PrunedModelExport.Written written = PrunedModelExport.write(model.checkpoint(), chosen.mask(), modelDir,
                        masks, format, cut -> reranked.map(pick -> {
                            summary.set("reconstruction", pick.reconstruction().report());
                            summary.set("rerank", pick.trials());
                            return pick.onto(cut);
                        }).orElseGet(() -> reconstruct(reconstruction, model, cut, timer, summary)));
                BertCheckpoint pruned = written.checkpoint();
                exportedModel[0] = pruned;
                // the PyTorch figure times the checkpoint files, so only when model.safetensors is written
                boolean torch = config.output().measureLatency() && format.safetensors();
                boolean ort = config.output().measureLatency() && written.onnx().isPresent();
                // one budget for both engines, so that timing never dominates a prune of a big model
                LatencyBudget latencyBudget = new LatencyBudget(config.output().latencySeconds());
                if (torch) {
                    try (ProgressTask task = progress.start("Timing dense vs pruned forward", -1)) {
                        // its own phase: the export's seconds are the writing alone
                        timer.time("latency", () -> runtime.compareLatency(model.checkpoint(), pruned,
                                config.budget().sequenceLength(), config.budget().latencyBatch(), latencyBudget,
                                latencyBudget.deadline(ort ? 2 : 1))).ifPresent(l -> summary.set("latency", l));
                    }
                }
                if (ort) {
                    try (ProgressTask task = progress.start("Timing dense vs pruned model.onnx in ONNX Runtime", -1)) {
                        summary.set("onnxLatency", timer.time("onnx-latency", () -> OrtLatencyComparison.compare(
                                model.checkpoint(), written.onnx().get(), config.budget().sequenceLength(),
                                config.budget().latencyBatch(), latencyBudget, latencyBudget.deadline(1))));
                    }
                }
            }
            fillSummary(summary, model, registered, budget, ranked, chosen, exportRank, fixedParams, costs, timer, exported);
            EmptyModelWarning.of(chosen.mask(), summary.path("budget").asText()).ifPresent(w -> summary.withArray("warnings").add(w));
            exportedOnnx.ifPresent(p -> summary.put("exportedOnnx", p.toAbsolutePath().toString()));
            summary.put("unitOrder", header.at("/search/unitOrder").asText());
            language.flatMap(CorpusLanguageCheck::json).ifPresent(w -> summary.set(CorpusLanguageCheck.JSON_KEY, w));
            if (quality.measures()) {
                try (ProgressTask task = progress.start("Measuring the chosen model's quality", -1)) {
                    timer.time("quality", () -> quality.report(summary, Optional.ofNullable(exportedModel[0])));
                }
            }
            Files.writeString(dir.resolve("summary.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        }));
        summary.set("seconds", JSON.valueToTree(timer.seconds()));
        return new PruneResult(out, ranked, chosen, exported, exportedOnnx, summary);
    }

    /** With {@code reconstruct.rerank} above 1, the candidate that reconstructs best among the best-ranked. */
    private Optional<ReconstructedRerank.Pick> rerank(ReconstructionStep step, LoadedModel model,
            List<ScoredCandidate> ranked, int first, PhaseTimer timer) {
        if (config.reconstruct().rerank() < 2 || !config.output().export() || !step.reconstructs(model)
                || model.checkpoint().tokenizer().isEmpty()) {
            return Optional.empty();
        }
        try (ProgressTask task = progress.start("Reconstructing the " + config.reconstruct().rerank()
                + " best candidates to rerank them", -1)) {
            return Optional.of(timer.time("rerank", () -> ReconstructedRerank.pick(step, runtime, model, ranked, first,
                    config.reconstruct().rerank())));
        }
    }

    /** The cut candidate as reconstruction leaves it; the report goes into the summary. */
    private BertCheckpoint reconstruct(ReconstructionStep step, LoadedModel model, BertCheckpoint cut, PhaseTimer timer,
            ObjectNode summary) {
        if (!step.reconstructs(model)) {
            summary.set("reconstruction", step.run(model, cut).report());
            return cut;
        }
        try (ProgressTask task = progress.start("Reconstructing the chosen candidate (" + step.level().word() + ")", -1)) {
            Reconstructor.Reconstruction r = timer.time("reconstruct", () -> step.run(model, cut));
            summary.set("reconstruction", r.report());
            return r.checkpoint();
        }
    }

    private SearchSpace space(Optional<UnitImportance> importance, LoadedModel model) {
        return SearchSpace.of(model.view(), config.search().neuronBlock(), config.search().minHeads(),
                config.search().minNeurons(), importance);
    }

    /** A strategy besides the scoring one, prepared on the same model: the hybrid's screen, or a unit order. */
    private record NamedScorer(String name, CandidateScorer scorer) {
    }

    private NamedScorer prepareNamed(String name, LoadedModel model, ScoringContext context) {
        RegisteredStrategy registered = registry.get(name);
        ScoringStrategy strategy = registered.create(Map.of());
        checkRequirements(registered, strategy, context);
        return new NamedScorer(registered.name(), prepare(registered, strategy, model, context));
    }

    private Optional<String> unitOrderSource(RegisteredStrategy registered, CandidateScorer scorer,
            Optional<NamedScorer> screening) {
        String configured = config.search().unitImportance();
        return switch (config.search().unitSelection()) {
            case "importance" -> Optional.of(configured.isBlank() ? registered.name() : configured);
            // a configured order first; the scoring strategy ranks units better than a cheap screen where it has one
            case "auto" -> !configured.isBlank() ? Optional.of(configured)
                    : scorer.unitImportance().isPresent() ? Optional.of(registered.name())
                    : screening.filter(s -> s.scorer().unitImportance().isPresent()).map(NamedScorer::name);
            default -> Optional.empty();
        };
    }

    /** The named strategy's unit importance: from a scorer already prepared if it has that name, else its own. */
    private UnitImportance unitOrder(String name, NamedScorer scoring, Optional<NamedScorer> screening,
            LoadedModel model, ScoringContext context, PhaseTimer timer) {
        NamedScorer source = scoring.name().equals(name) ? scoring
                : screening.filter(s -> s.name().equals(name)).orElseGet(() -> timer.time("unit-importance-prepare",
                        () -> prepareNamed(name, model, context)));
        return source.scorer().unitImportance().orElseThrow(() -> new ConfigException("strategy '" + name
                + "' gives no per-unit importance to choose the units a layer keeps; set search.unit-selection to"
                + " random, or search.unit-importance to a strategy such as fisher, magnitude or perturbation"));
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
        LayerCosts layerCosts = switch (kind) {
            case FLOPS -> LayerCosts.macs(costs);
            case PARAMS -> LayerCosts.params(costs);
            case LATENCY -> timer.time("latency-table", () -> {
                try (ProgressTask task = progress.start("Timing attention and FFN blocks", -1)) {
                    return runtime.latencyCosts(model, config.budget().sequenceLength(), config.budget().latencyBatch());
                }
            });
        };
        return new Budget(kind, config.budgetRatio(), layerCosts, space.denseHeads(), space.denseNeurons());
    }

    private static void checkRequirements(RegisteredStrategy registered, ScoringStrategy strategy, ScoringContext context) {
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        missing.addAll(strategy.requirements());
        missing.removeAll(context.capabilities());
        if (missing.contains(Capability.CALIBRATION_TEXT)) {
            throw new ConfigException("strategy '" + registered.name() + "' is data-driven and needs calibration text:"
                    + " set scoring.corpus to 'builtin' or a text file (--corpus)");
        }
        if (!missing.isEmpty()) {
            throw new PluginException("strategy '" + registered.name() + "' needs " + missing + ", which this run cannot offer");
        }
    }

    private static CandidateScorer prepare(RegisteredStrategy registered, ScoringStrategy strategy, LoadedModel model,
            ScoringContext context) {
        try (ProgressTask task = context.progress().start("Preparing " + registered.name(), -1)) {
            CandidateScorer scorer = strategy.prepare(model.view(), context);
            if (scorer == null) {
                throw new PluginException("strategy '" + registered.name() + "' (" + registered.source() + ") returned no scorer");
            }
            return scorer;
        } catch (org.zeroprune.nas.ZeroPruneException | org.zeroprune.spi.ScoringException e) {
            throw e instanceof org.zeroprune.nas.ZeroPruneException z ? z
                    : new PluginException("strategy '" + registered.name() + "': " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("strategy '" + registered.name() + "' (" + registered.source()
                    + ") failed while preparing: " + e, e);
        }
    }

    private List<ScoredCandidate> search(SearchStrategy search, SearchSpace space, Budget budget, ViewCostModel costs,
            CandidateScorer scorer, RegisteredStrategy registered, Optional<NamedScorer> screening) {
        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        long total = switch (search.name()) {
            case "random", "evolutionary" -> config.search().candidates();
            case "hybrid" -> config.search().shortlist();
            default -> -1;
        };
        try (ProgressTask screenTask = screening.isPresent() ? progress.start("Screening (" + screening.get().name() + ")",
                        config.search().candidates()) : ProgressListener.NONE.start("", 0);
                CandidateEvaluator screener = screening.map(s -> new CandidateEvaluator(space, budget, costs, s.scorer(),
                        s.name(), threads, screenTask)).orElse(null);
                ProgressTask task = progress.start("Searching (" + search.name() + ", " + registered.name() + ")", total);
                CandidateEvaluator evaluator = new CandidateEvaluator(space, budget, costs, scorer, registered.name(), threads, task)) {
            SearchContext context = new SearchContext(space, budget, new GenomeSampler(space, budget), evaluator,
                    config.search(), new SplittableRandom(config.search().seed()), Optional.ofNullable(screener));
            search.search(context);
            List<ScoredCandidate> all = new ArrayList<>(evaluator.all());
            // only candidates within the budget are ranked (greedy also visits larger ones on its way)
            all.removeIf(c -> !budget.fits(c.mask()));
            all.sort(Comparator.comparingDouble(ScoredCandidate::score).reversed().thenComparingInt(ScoredCandidate::id));
            return all;
        }
    }

    private ObjectNode header(LoadedModel model, RegisteredStrategy registered, CandidateScorer scorer, ViewCostModel costs,
            Budget budget, SearchSpace space, int ranked, Optional<String> unitOrderSource) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("model", model.description());
        // what `export` loads to apply a ranked candidate's masks later, from any working directory
        doc.put("modelSource", ModelSource.portableSpec(config.model()));
        ObjectNode scoring = doc.putObject("scoring");
        scoring.put("strategy", registered.name());
        scoring.set("options", JSON.valueToTree(org.zeroprune.spi.StrategyOptions.parse(registered.name(),
                registered.provider().options(), config.scoring().options()).asMap()));
        scoring.set("details", JSON.valueToTree(scorer.details()));
        ObjectNode search = doc.putObject("search");
        search.put("strategy", config.search().strategy());
        search.put("seed", config.search().seed());
        search.put("requested", config.search().candidates());
        search.put("ranked", ranked);
        search.put("neuronBlock", config.search().neuronBlock());
        search.put("unitSelection", config.search().unitSelection());
        // what unit-selection resolved to: the strategy whose importance picked the kept units, or random
        search.put("unitOrder", unitOrderSource.map(name -> "importance of " + name).orElse("random"));
        search.put("minHeads", config.search().minHeads());
        search.put("minNeurons", config.search().minNeurons());
        if (config.search().strategy().equals("hybrid")) {
            search.put("screening", config.search().screening());
            search.put("shortlist", config.search().shortlist());
        }
        ObjectNode dense = doc.putObject("dense");
        dense.put("macs", costs.denseMacs());
        dense.put("params", costs.denseParams());
        dense.put("totalParams", model.checkpoint().parameterCount());
        dense.put("sequenceLength", costs.sequenceLength());
        model.sequenceLengthNote(config.budget().sequenceLength()).ifPresent(note -> dense.put("sequenceLengthNote", note));
        ArrayNode heads = dense.putArray("heads");
        ArrayNode neurons = dense.putArray("neurons");
        for (int l = 0; l < space.layers(); l++) {
            heads.add(space.heads(l));
            neurons.add(space.neurons(l));
        }
        ObjectNode b = doc.putObject("budget");
        b.put("kind", budget.kind().key());
        b.put("ratio", budget.ratio());
        b.put("unit", budget.costs().unit());
        if (budget.kind() != BudgetKind.LATENCY) {
            b.put("dense", budget.dense());
            b.put("limit", budget.limit());
        }
        return doc;
    }

    private void fillSummary(ObjectNode summary, LoadedModel model, RegisteredStrategy registered, Budget budget,
            List<ScoredCandidate> ranked, ScoredCandidate chosen, int exportRank, long fixedParams, ViewCostModel costs,
            PhaseTimer timer, Optional<Path> exported) {
        summary.put("model", model.description());
        summary.put("tokenizer", model.checkpoint().tokenizerDescription());
        summary.put("strategy", registered.name());
        summary.put("strategySource", registered.source());
        summary.put("search", config.search().strategy());
        summary.put("budget", budget.kind().key() + " " + budget.ratio());
        model.sequenceLengthNote(config.budget().sequenceLength()).ifPresent(note -> summary.put("sequenceLengthNote", note));
        summary.put("budgetMet", ranked.stream().allMatch(c -> budget.fits(c.mask())));
        summary.put("candidates", ranked.size());
        summary.put("bestScore", ranked.get(0).score());
        summary.put("exportRank", exportRank);
        summary.put("chosenScore", chosen.score());
        summary.put("chosenMacsRatio", (double) chosen.macs() / costs.denseMacs());
        summary.put("chosenParamsRatio", (double) chosen.params() / costs.denseParams());
        summary.put("chosenTotalParams", chosen.params() + fixedParams);
        summary.put("denseTotalParams", model.checkpoint().parameterCount());
        exported.ifPresent(p -> summary.put("exportedModel", p.toAbsolutePath().toString()));
        summary.set("seconds", JSON.valueToTree(timer.seconds()));
        ObjectNode machine = summary.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
    }
}
