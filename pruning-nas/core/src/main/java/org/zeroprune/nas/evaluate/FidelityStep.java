package org.zeroprune.nas.evaluate;

import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.engine.ScoringEngine;
import org.zeroprune.nas.importer.EmbeddedModel;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.prune.StrategyRecipe;
import org.zeroprune.nas.quality.FidelityEvaluator;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The measurement step of {@code evaluate}: each sampled candidate's fidelity to the dense model on
 * the corpus's evaluation part, from the cache under {@code <cache>/fidelity} when the same model,
 * corpus and sample were measured before.
 */
final class FidelityStep {
    private final PruneConfig config;
    private final ModelRuntime runtime;
    private final ProgressListener progress;
    private final ScoringEngine engine;
    private final String job;

    /** @param engine where the candidates are measured; {@code job} names the run for its workers */
    FidelityStep(PruneConfig config, ModelRuntime runtime, ProgressListener progress, ScoringEngine engine, String job) {
        this.config = config;
        this.runtime = runtime;
        this.progress = progress;
        this.engine = engine;
        this.job = job;
    }

    /**
     * What was measured.
     *
     * @param values fidelity per candidate, in candidate order
     * @param seconds time of the measurement; 0 when it came from the cache
     */
    record Measured(double[] values, double seconds) {
    }

    /** Measures, or loads, the fidelities; a corrupt cache entry is reported to {@code warnings} and measured again. */
    Measured measure(LoadedModel model, Corpus corpus, String corpusName, Budget budget, List<PruningMask> masks,
            java.util.function.Consumer<String> warnings) {
        FidelityCache cache = new FidelityCache(EmbeddedModel.cacheRoot().resolve("fidelity"));
        String key = FidelityCache.key(model, corpus, String.join("|", budget.kind().key() + budget.ratio(),
                Long.toString(config.search().seed()), Integer.toString(config.search().neuronBlock()),
                config.search().minHeads() + "/" + config.search().minNeurons(), Integer.toString(masks.size())));
        Optional<double[]> cached = cache.load(key, masks, warnings);
        if (cached.isPresent()) {
            return new Measured(cached.get(), 0);
        }
        double[] fidelity;
        double seconds;
        try (ProgressTask task = progress.start("Measuring fidelity on " + corpus.evaluation().size() + " sentences",
                masks.size())) {
            long start = System.nanoTime();
            FidelityEvaluator evaluator = FidelityRecipe.evaluator(runtime, model, corpus);
            FidelityRecipe recipe = new FidelityRecipe(job, StrategyRecipe.absolute(config.model()),
                    StrategyRecipe.absolute(corpusName));
            fidelity = engine.scoreAll((m, candidate, threads, scored) -> FidelityRecipe.measure(evaluator, m, scored),
                    recipe, masks, i -> "candidate #" + i + " (" + masks.get(i) + ")", 1, task::step);
            seconds = (System.nanoTime() - start) / 1e9;
        }
        cache.store(key, masks, fidelity);
        return new Measured(fidelity, seconds);
    }
}
