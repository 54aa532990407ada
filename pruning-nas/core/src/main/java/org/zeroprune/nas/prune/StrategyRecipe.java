package org.zeroprune.nas.prune;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.engine.MaskData;
import org.zeroprune.nas.engine.RebuiltScorer;
import org.zeroprune.nas.engine.ScorerRecipe;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.ContextOffer;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.RunScoringContext;
import org.zeroprune.nas.plugin.StrategyLimits;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * How a worker prepares a scoring strategy as {@code prune} or {@code evaluate} prepared it on the
 * driver: the same model, plugins, strategy, options, limits and scoring context (seed, space
 * sampler, forward pass, calibration text, labelled samples), so that its scores are the same.
 *
 * @param job the run it belongs to: a worker keeps only the current run's preparations
 * @param model {@code embedded}, a checkpoint directory or an {@code .onnx} file (absolute)
 * @param sequenceLength the cost model's tokens per sequence ({@code budget.sequence-length})
 * @param seed {@code search.seed}
 * @param space {@code search.neuron-block}, {@code search.min-heads} and {@code search.min-neurons}: the
 *     sampler's space
 * @param calibration the calibration corpus ({@code builtin} or an absolute file), empty when none is offered
 * @param plugins the run's plugin directories (absolute)
 * @param strategy the registered name
 * @param label the name in messages
 * @param options the strategy's options
 * @param limits prepare and score limits in seconds
 * @param labelled evaluate's labelled samples: masks and their fidelity
 */
public record StrategyRecipe(String job, String model, int sequenceLength, long seed, int[] space, String calibration,
        List<String> plugins, String strategy, String label, Map<String, String> options, double[] limits,
        List<Labelled> labelled) implements ScorerRecipe {
    private static final long serialVersionUID = 1L;
    private static final ContextOffer OFFER = new ContextOffer("this run's workers", Map.of(), "");

    /**
     * A labelled sample, travelling.
     *
     * @param mask the candidate
     * @param quality its measured fidelity
     */
    public record Labelled(MaskData mask, double quality) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Copies the collections into serializable, ordered ones. */
    public StrategyRecipe {
        plugins = List.copyOf(plugins);
        options = new TreeMap<>(options);
        labelled = List.copyOf(labelled);
    }

    /**
     * The recipe of {@code prepared}, created as {@code strategy} with {@code options}, in a run of
     * {@code config}'s settings.
     */
    public static StrategyRecipe of(String job, PruneConfig config, List<Path> pluginDirectories,
            String strategy, PreparedStrategy prepared, Map<String, String> options, String calibration,
            List<Labelled> labelled) {
        StrategyLimits limits = config.scoring().limits();
        return new StrategyRecipe(job, absolute(config.model()), config.budget().sequenceLength(), config.search().seed(),
                new int[] {config.search().neuronBlock(), config.search().minHeads(), config.search().minNeurons()},
                calibration.isBlank() ? "" : absolute(calibration),
                pluginDirectories.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList(), strategy,
                prepared.name(), options, new double[] {limits.prepareSeconds(), limits.scoreSeconds()}, labelled);
    }

    /** {@return {@code path} made absolute, or {@code embedded} and {@code builtin} as they are} */
    public static String absolute(String path) {
        return path.equals("embedded") || path.equals("builtin") ? path
                : Paths.get(path).toAbsolutePath().normalize().toString();
    }

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        if (!model.equals("embedded")) {
            files.add(model);
        }
        if (!calibration.isBlank() && !calibration.equals("builtin")) {
            files.add(calibration);
        }
        files.addAll(plugins);
        return files;
    }

    @Override
    public StrategyRecipe relocated(UnaryOperator<String> where) {
        return new StrategyRecipe(job, model.equals("embedded") ? model : where.apply(model), sequenceLength, seed, space,
                calibration.isBlank() || calibration.equals("builtin") ? calibration : where.apply(calibration),
                plugins.stream().map(where).toList(), strategy, label, options, limits, labelled);
    }

    @Override
    public RebuiltScorer rebuild() {
        LoadedModel loaded = ModelSource.load(model);
        ModelView view = loaded.view();
        DjlModelRuntime runtime = new DjlModelRuntime();
        try {
            ViewCostModel costs = new ViewCostModel(view, loaded.costSequenceLength(sequenceLength));
            SearchSpace sampled = SearchSpace.of(view, space[0], space[1], space[2], Optional.empty());
            List<LabelledSample> samples = new ArrayList<>();
            for (Labelled l : labelled) {
                PruningMask mask = l.mask().mask();
                samples.add(new MaskCandidate(view, mask, costs.params(mask), l.quality()));
            }
            RunScoringContext context = ScoringContexts.of(seed, ProgressListener.NONE, loaded, sampled, costs, runtime,
                    calibration).labelledSamples(samples).build(costs);
            PluginRegistry registry = PluginRegistry.discover(plugins.stream().map(Paths::get).toList());
            PreparedStrategy prepared = ConfiguredStrategy.create(registry.get(strategy), label, options)
                    .withLimits(new StrategyLimits(limits[0], limits[1])).prepare(view, context, OFFER);
            return new Rebuilt(prepared, runtime);
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
    }

    // arrays compare by content, so that equal recipes key one preparation
    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyRecipe r && job.equals(r.job) && model.equals(r.model)
                && sequenceLength == r.sequenceLength && seed == r.seed && java.util.Arrays.equals(space, r.space)
                && calibration.equals(r.calibration) && plugins.equals(r.plugins) && strategy.equals(r.strategy)
                && label.equals(r.label) && options.equals(r.options) && java.util.Arrays.equals(limits, r.limits)
                && labelled.size() == r.labelled.size() && sameLabelled(r.labelled);
    }

    private boolean sameLabelled(List<Labelled> other) {
        for (int i = 0; i < labelled.size(); i++) {
            if (!labelled.get(i).mask().mask().equals(other.get(i).mask().mask())
                    || Double.compare(labelled.get(i).quality(), other.get(i).quality()) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(job, model, strategy, label, options, seed);
    }

    /** The prepared strategy and the runtime whose forward pass it holds. */
    private record Rebuilt(PreparedStrategy prepared, DjlModelRuntime runtime) implements RebuiltScorer {
        @Override
        public double[] scoreAll(List<PruningMask> masks, IntFunction<String> candidate, int threads,
                Runnable scored) {
            return prepared.scoreAll(masks, candidate, threads, scored);
        }

        @Override
        public void close() {
            runtime.close();
        }
    }
}
