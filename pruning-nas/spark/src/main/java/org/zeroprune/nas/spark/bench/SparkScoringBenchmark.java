package org.zeroprune.nas.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.engine.EngineConfig;
import org.zeroprune.nas.engine.ScoringEngine;
import org.zeroprune.nas.engine.ScoringEngines;
import org.zeroprune.nas.importer.EmbeddedModel;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.ContextOffer;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.RunScoringContext;
import org.zeroprune.nas.plugin.StrategyLimits;
import org.zeroprune.nas.prune.SpaceSampler;
import org.zeroprune.nas.prune.StrategyRecipe;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.Genome;
import org.zeroprune.nas.search.GenomeSampler;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.nas.benchmark.prune.RandomBertWriter;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Times one generation of candidates of a BERT-base-shaped checkpoint (12 layers, hidden 768, FFN
 * 3072, random weights), scored by a strategy (default {@code synthetic-fidelity}) on this JVM's
 * threads (1 and 2) and with the spark engine in {@code local[1]} and {@code local[2]}, and prints:
 * the median wall time per generation, the engine's overhead (the spark time less the local time of
 * the same work on as many threads: scheduling, serialisation, result collection), the executors'
 * one-off preparation (loading the model and preparing the strategy), and a projection for a cluster
 * from the measured per-candidate cost. The scores are checked equal on every engine.
 *
 * <p>Arguments: {@code [--candidates N] [--repeats R] [--strategy NAME] [--work DIR]}.
 */
public final class SparkScoringBenchmark {
    private final int candidates;
    private final int repeats;
    private final String strategy;
    private final Path work;

    private SparkScoringBenchmark(int candidates, int repeats, String strategy, Path work) {
        this.candidates = candidates;
        this.repeats = repeats;
        this.strategy = strategy;
        this.work = work;
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws IOException {
        int candidates = 64;
        int repeats = 3;
        String strategy = "synthetic-fidelity";
        Path work = Paths.get(System.getProperty("java.io.tmpdir"), "zeroprune-spark-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--candidates" -> candidates = Integer.parseInt(args[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--strategy" -> strategy = args[i + 1];
                case "--work" -> work = Paths.get(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --candidates N, --repeats R, --strategy NAME or --work DIR");
            }
        }
        new SparkScoringBenchmark(candidates, repeats, strategy, work).run();
    }

    private void run() throws IOException {
        Path checkpoint = checkpoint();
        LoadedModel model = ModelSource.load(checkpoint.toString());
        long seed = 42;
        int sequenceLength = 128;
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            ViewCostModel costs = new ViewCostModel(model.view(), model.costSequenceLength(sequenceLength));
            SearchSpace space = SearchSpace.of(model.view(), 64, 0, 0, Optional.empty());
            RunScoringContext context = RunScoringContext.builder(seed, ProgressListener.NONE)
                    .sampler(new SpaceSampler(model.view(), space, costs)).forward(runtime.forward(model)).build(costs);
            long start = System.nanoTime();
            PreparedStrategy prepared = ConfiguredStrategy.create(PluginRegistry.discover(List.of()).get(strategy),
                    Map.of()).prepare(model.view(), context, new ContextOffer("this benchmark", Map.of(), ""));
            double prepareSeconds = seconds(start);
            List<PruningMask> masks = generation(space, costs, seed);
            StrategyLimits limits = StrategyLimits.DEFAULT;
            StrategyRecipe recipe = new StrategyRecipe(UUID.randomUUID().toString(), checkpoint.toString(),
                    sequenceLength, seed, new int[] {64, 0, 0}, "", List.of(), strategy, prepared.name(), Map.of(),
                    new double[] {limits.prepareSeconds(), limits.scoreSeconds()}, List.of());

            System.out.printf("zeroprune spark scoring benchmark, %s%n", LocalDate.now());
            System.out.printf("checkpoint  BERT-base-shaped random F32 (12 layers, hidden 768, 12 heads, FFN 3072)%n");
            System.out.printf("generation  %d candidates at flops 0.6, scored by %s (prepared in %.1f s on the driver)%n",
                    masks.size(), strategy, prepareSeconds);
            System.out.printf("machine     %d cores, load average before: %s%n", Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            double[] reference = prepared.scoreAll(masks, i -> "candidate #" + i, 2, () -> { });
            double local1 = median(() -> check(reference, prepared.scoreAll(masks, i -> "candidate #" + i, 1, () -> { })));
            double local2 = median(() -> check(reference, prepared.scoreAll(masks, i -> "candidate #" + i, 2, () -> { })));
            double[] spark1 = onSpark("local[1]", prepared, recipe, masks, reference);
            double[] spark2 = onSpark("local[2]", prepared, withJob(recipe), masks, reference);
            System.out.printf("%nengine          threads  s/generation  s/candidate  overhead vs local  executor prep (once)%n");
            row("local", 1, local1, Double.NaN, Double.NaN);
            row("local", 2, local2, Double.NaN, Double.NaN);
            row("spark local[1]", 1, spark1[1], spark1[1] - local1, spark1[0] - spark1[1]);
            row("spark local[2]", 2, spark2[1], spark2[1] - local2, spark2[0] - spark2[1]);
            double perCandidate = local1 / masks.size();
            double overhead = Math.max(0, spark2[1] - local2);
            System.out.printf("%noverhead in local[2]: %.2f s per generation, %.1f%% of its scoring (target < 10%%)%n",
                    overhead, 100 * overhead / local2);
            System.out.printf("%nprojection for a cluster (one-thread cost %.3f s/candidate, %.2f s overhead per generation,"
                    + " executors prepare once in parallel):%n", perCandidate, overhead);
            System.out.printf("task slots  s/generation of %d  speed-up over local 2 threads%n", masks.size());
            for (int slots : new int[] {4, 8, 16, 32, 64}) {
                double projected = Math.ceil((double) masks.size() / slots) * perCandidate + overhead;
                System.out.printf("%10d  %17.2f  %28.1fx%n", slots, projected, local2 / projected);
            }
            System.out.printf("%nload average after: %s%n", loadAverage());
        }
    }

    /** [first call (executor preparation included), median of the later calls] on a spark engine of {@code master}. */
    private double[] onSpark(String master, PreparedStrategy prepared, StrategyRecipe recipe, List<PruningMask> masks,
            double[] reference) {
        EngineConfig config = new EngineConfig("spark", master, "zeroprune-bench", "shared", Map.of());
        try (ScoringEngine engine = ScoringEngines.open(config, Caller.COMMAND_LINE)) {
            PreparedStrategy distributed = prepared.scoringOn(engine, recipe);
            long start = System.nanoTime();
            check(reference, distributed.scoreAll(masks, i -> "candidate #" + i, 2, () -> { }));
            double first = seconds(start);
            return new double[] {first, median(() -> check(reference,
                    distributed.scoreAll(masks, i -> "candidate #" + i, 2, () -> { })))};
        }
    }

    /** The same recipe in a new run, so that executors prepare afresh. */
    private static StrategyRecipe withJob(StrategyRecipe r) {
        return new StrategyRecipe(UUID.randomUUID().toString(), r.model(), r.sequenceLength(), r.seed(), r.space(),
                r.calibration(), r.plugins(), r.strategy(), r.label(), r.options(), r.limits(), r.labelled());
    }

    private List<PruningMask> generation(SearchSpace space, ViewCostModel costs, long seed) {
        Budget budget = new Budget(BudgetKind.FLOPS, 0.6, BudgetKind.FLOPS.layerCosts(costs, () -> {
            throw new IllegalStateException("a FLOPs budget is counted, not measured");
        }), space.denseHeads(), space.denseNeurons());
        GenomeSampler sampler = new GenomeSampler(space, budget);
        SplittableRandom random = new SplittableRandom(seed);
        Set<Genome> genomes = new LinkedHashSet<>();
        while (genomes.size() < candidates) {
            genomes.add(sampler.sample(random));
        }
        List<PruningMask> masks = new ArrayList<>();
        genomes.forEach(g -> masks.add(space.mask(g)));
        return masks;
    }

    private Path checkpoint() throws IOException {
        Path dir = work.resolve("bert-base-random-f32");
        if (!RandomBertWriter.exists(dir)) {
            Files.createDirectories(work);
            System.err.println("writing a BERT-base-shaped checkpoint into " + dir);
            RandomBertWriter.write(dir, 12, 768, 12, 3072,
                    EmbeddedModel.checkpointDirectory().resolve(BertCheckpoint.TOKENIZER), DType.F32, 1);
        }
        return dir;
    }

    /** The median wall time of {@link #repeats} runs of {@code work}. */
    private double median(Supplier<double[]> work) {
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            work.get();
            times[r] = seconds(start);
        }
        Arrays.sort(times);
        return times[repeats / 2];
    }

    private static double[] check(double[] expected, double[] scores) {
        if (!Arrays.equals(expected, scores)) {
            throw new IllegalStateException("the scores differ between engines");
        }
        return scores;
    }

    private void row(String engine, int threads, double seconds, double overhead, double prepare) {
        System.out.printf("%-15s %7d  %12.2f  %11.3f  %17s  %20s%n", engine, threads, seconds, seconds / candidates,
                Double.isNaN(overhead) ? "" : String.format("%+.2f s", overhead),
                Double.isNaN(prepare) ? "" : String.format("%.1f s", prepare));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
