package org.zeroprune.nas.evaluate;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.config.PruneModule;
import org.zeroprune.nas.engine.LocalEngine;
import org.zeroprune.nas.engine.MaskData;
import org.zeroprune.nas.engine.ScoringEngine;
import org.zeroprune.nas.engine.ScoringEngines;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.model.NothingLeftToPrune;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.PluginException;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.prune.MaskCandidate;
import org.zeroprune.nas.prune.ScoringContexts;
import org.zeroprune.nas.prune.StrategyRecipe;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.quality.StsBenchmark;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.Genome;
import org.zeroprune.nas.search.GenomeSampler;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * What is a proxy worth: samples equal-budget candidates (seeded), measures each one's fidelity
 * to the dense model on the evaluation part of the corpus, scores them with every named strategy,
 * and reports each strategy's rank agreement with fidelity (Kendall τ-b, Spearman ρ), the fidelity
 * of its top pick beside the best measured one, and its cost.
 *
 * <p>Data-driven strategies get the corpus's calibration part, never the evaluation part. With
 * {@code labelled > 0}, that many candidates (seeded) and their measured fidelities are offered
 * to strategies as labelled samples, and every figure is computed over the other candidates only.
 *
 * <p>Measured fidelities are cached under {@code <cache>/fidelity}, keyed by the content of the model
 * and of the corpus and by the candidates' masks, so that evaluating further strategies on the same
 * candidates is quick and changed weights at the same path are measured again.
 */
public final class EvaluateJob {
    private final PruneConfig config;
    private final List<StrategySpec> strategies;
    private final int candidates;
    private final int labelled;
    private final PluginRegistry registry;
    private final ProgressListener progress;
    private final ModelRuntime runtime;

    /**
     * @param config model, budget, search-space settings, seed and corpus
     * @param strategies what to evaluate
     * @param candidates how many candidates to sample and measure
     * @param labelled how many of them to offer as labelled samples
     */
    public EvaluateJob(PruneConfig config, List<StrategySpec> strategies, int candidates, int labelled,
            PluginRegistry registry, ProgressListener progress, ModelRuntime runtime) {
        if (candidates < 3) {
            throw new ConfigException("evaluate needs at least 3 candidates, got " + candidates);
        }
        if (labelled < 0) {
            throw new ConfigException("--labelled " + labelled + ": expected 0 or more candidates to offer as labelled"
                    + " samples");
        }
        if (labelled > candidates - 3) {
            throw new ConfigException("--labelled " + labelled + " must leave at least 3 of the " + candidates
                    + " candidates for evaluation");
        }
        this.config = config;
        this.strategies = List.copyOf(strategies);
        this.candidates = candidates;
        this.labelled = labelled;
        this.registry = registry;
        this.progress = progress;
        this.runtime = runtime;
    }

    /** Runs the evaluation. */
    public Evaluation run() {
        for (StrategySpec spec : strategies) {
            registry.get(spec.name());
        }
        // before the model is loaded, so that an engine that cannot start fails in seconds
        try (ScoringEngine engine = ScoringEngines.open(config.engine(), Caller.COMMAND_LINE)) {
            return run(engine);
        }
    }

    private Evaluation run(ScoringEngine engine) {
        long started = System.nanoTime();
        LoadedModel model = ModelSource.load(config.model());
        NothingLeftToPrune.check(model);
        ModelView view = model.view();
        runtime.checkDenseOutputs(model); // fidelity is measured on every run: refuse NaN outputs before the work
        ViewCostModel costs = new ViewCostModel(view, model.costSequenceLength(config.budget().sequenceLength()));
        SearchSpace space = SearchSpace.of(view, config.search().neuronBlock(), config.search().minHeads(),
                config.search().minNeurons(), Optional.empty());
        Budget budget = budget(model, costs, space);
        budget.checkFeasible(space.minimalHeads(), space.minimalNeurons(),
                space.describeMinimums(config.search().minHeads(), config.search().minNeurons()));
        List<PruningMask> masks = sample(space, budget);
        if (masks.size() < labelled + 3) {
            // rank agreement needs 3 held-out candidates; fewer would leave every strategy failing
            throw new ConfigException("the " + budget.kind().key() + " budget " + budget.ratio() + " admits only "
                    + masks.size() + " distinct candidate(s) in " + 100 * candidates + " draws; evaluate needs at least "
                    + (labelled + 3) + (labelled > 0 ? " (" + labelled + " labelled + 3)" : "")
                    + ": raise the budget or lower search.min-heads / search.min-neurons");
        }

        Corpus corpus = corpus();
        // every corpus, the shipped one or a file: fidelity on text the vocabulary cannot read measures nothing
        Optional<CorpusLanguageCheck> language = CorpusLanguageCheck.ofCorpus(runtime, model, corpusName())
                .map(CorpusLanguageCheck::requireReadable);
        List<String> warnings = new ArrayList<>();
        String job = UUID.randomUUID().toString();
        FidelityStep.Measured measured = new FidelityStep(config, runtime, progress, engine, job).measure(model, corpus,
                corpusName(), budget, masks, warnings::add);
        double[] fidelity = measured.values();

        Set<Integer> labelledIndices = labelledIndices(masks.size());
        List<Integer> heldOut = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            if (!labelledIndices.contains(i)) {
                heldOut.add(i);
            }
        }
        List<LabelledSample> samples = new ArrayList<>();
        List<StrategyRecipe.Labelled> travelling = new ArrayList<>();
        for (int i : labelledIndices) {
            samples.add(new MaskCandidate(view, masks.get(i), costs.params(masks.get(i)), fidelity[i]));
            travelling.add(new StrategyRecipe.Labelled(MaskData.of(masks.get(i)), fidelity[i]));
        }
        String calibration = needsCalibration() ? corpusName() : "";
        // one context, so one labelled-sample list, for every strategy
        ScoringContext context = ScoringContexts.of(config.search().seed(), progress, model, space, costs, runtime,
                calibration).labelledSamples(samples).build(costs);
        List<Path> plugins = PruneModule.pluginDirectories(config.plugins());
        StrategyScoring scoring = new StrategyScoring(registry, config.scoring().limits(), progress, view, context, masks,
                fidelity, heldOut, (spec, prepared) -> engine == LocalEngine.INSTANCE ? prepared
                        : prepared.scoringOn(engine, StrategyRecipe.of(job, config, plugins, spec.name(), prepared,
                                spec.options(), calibration, travelling)));
        List<StrategyEvaluation> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (StrategySpec spec : strategies) {
            try {
                results.add(scoring.evaluate(spec));
            } catch (RuntimeException e) {
                // a plugin's failure, of whatever type, costs its own row only
                failures.add(describe(e, spec));
            }
        }
        if (results.isEmpty()) {
            throw new ZeroPruneException("every strategy failed, so there is nothing to report: "
                    + String.join("; ", failures));
        }
        warnings.addAll(UndefinedCorrelations.of(fidelity, heldOut, results));
        int best = heldOut.get(0);
        for (int i : heldOut) {
            if (fidelity[i] > fidelity[best]) {
                best = i;
            }
        }
        Optional<Evaluation.Sts> sts = config.output().sts().isBlank() ? Optional.empty()
                : Optional.of(sts(StsBenchmark.read(Paths.get(config.output().sts())), model, masks, best, results));
        return new Evaluation(config, model.description(), model.checkpoint().tokenizerDescription(), corpus.source(),
                corpus.evaluation().size(), budget, masks, costs, fidelity, heldOut, best, measured.seconds(), results, failures,
                (System.nanoTime() - started) / 1e9, sts, language, warnings);
    }

    private Evaluation.Sts sts(StsBenchmark benchmark, LoadedModel model, List<PruningMask> masks, int best,
            List<StrategyEvaluation> results) {
        try (ProgressTask task = progress.start("STS of the dense model and the top picks", -1)) {
            var forward = runtime.forward(model).orElseThrow();
            int[][] ids = runtime.tokenize(model, benchmark.sentences());
            Map<String, Double> picks = new LinkedHashMap<>();
            for (StrategyEvaluation s : results) {
                picks.put(s.spec().label(), benchmark.spearman(forward.sentenceEmbeddings(masks.get(s.topPick()), ids)));
            }
            return new Evaluation.Sts(benchmark.source(), benchmark.size(),
                    benchmark.spearman(forward.sentenceEmbeddings(PruningMask.dense(model.view()), ids)),
                    benchmark.spearman(forward.sentenceEmbeddings(masks.get(best), ids)), picks);
        }
    }

    /**
     * The message, with the exception's type when it is not one of the expected, explained kinds, and
     * the strategy's label first unless the message already begins by naming it.
     */
    private static String describe(RuntimeException e, StrategySpec spec) {
        boolean explained = e instanceof ZeroPruneException || e instanceof org.zeroprune.spi.ScoringException
                || e instanceof IllegalArgumentException;
        String message = e.getMessage() == null ? "" : String.join(" ", e.getMessage().strip().lines().toList());
        String text = explained ? message : e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
        return text.startsWith("strategy '" + spec.label() + "'") ? text : spec.label() + ": " + text;
    }

    private boolean needsCalibration() {
        for (StrategySpec spec : strategies) {
            try {
                if (ConfiguredStrategy.create(registry.get(spec.name()), spec.label(), spec.options()).requirements()
                        .contains(Capability.CALIBRATION_TEXT)) {
                    return true;
                }
            } catch (PluginException e) {
                // a plugin that cannot start or answer fails its own row, with this message, when it is evaluated
            }
        }
        return false;
    }

    private List<PruningMask> sample(SearchSpace space, Budget budget) {
        GenomeSampler sampler = new GenomeSampler(space, budget);
        SplittableRandom random = new SplittableRandom(config.search().seed());
        Set<Genome> seen = new LinkedHashSet<>();
        int attempts = 0;
        while (seen.size() < candidates && attempts++ < 100 * candidates) {
            seen.add(sampler.sample(random));
        }
        List<PruningMask> masks = new ArrayList<>();
        for (Genome g : seen) {
            masks.add(space.mask(g));
        }
        return masks;
    }

    private Set<Integer> labelledIndices(int n) {
        SplittableRandom random = new SplittableRandom(config.search().seed() ^ 0x5DEECE66DL);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < labelled) {
            chosen.add(random.nextInt(n));
        }
        return chosen;
    }

    private Budget budget(LoadedModel model, ViewCostModel costs, SearchSpace space) {
        LayerCosts layerCosts = config.budgetKind().layerCosts(costs,
                () -> runtime.latencyCosts(model, config.budget().sequenceLength(), config.budget().latencyBatch()));
        return new Budget(config.budgetKind(), config.budgetRatio(), layerCosts, space.denseHeads(), space.denseNeurons());
    }

    private String corpusName() {
        return config.scoring().corpus().isBlank() ? "builtin" : config.scoring().corpus();
    }

    private Corpus corpus() {
        String name = corpusName();
        return name.equals("builtin") ? Corpus.bundled() : Corpus.read(Paths.get(name));
    }
}
