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
import org.zeroprune.nas.prune.ScoringContexts;
import org.zeroprune.nas.prune.StrategyRecipe;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.Genome;
import org.zeroprune.nas.search.GenomeSampler;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.nas.spark.BatchTimes;
import org.zeroprune.nas.benchmark.prune.RandomBertWriter;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Times one generation of candidates of a BERT-base-shaped checkpoint (12 layers, hidden 768, FFN
 * 3072, random weights), scored by a strategy (default {@code synthetic-fidelity}) on this JVM's
 * threads (1 and 2) and with the spark engine in {@code local[1]} and {@code local[2]}, alternating
 * local and spark runs so that both see the same load, and prints: the wall time per generation, the
 * engine's overhead ({@link BatchTimes}: the job's wall time less its tasks' scoring spread over the
 * slots, that is scheduling, serialisation, result collection and slots idle at the end), the executors' one-off preparation
 * (loading the model and preparing the strategy), and a projection for a cluster from the measured
 * per-candidate cost. The scores are checked equal on every engine.
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
            RunScoringContext context = ScoringContexts.of(seed, ProgressListener.NONE, model, space, costs, runtime, "")
                    .build(costs);
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
            Pair one = paired("local[1]", 1, prepared, recipe, masks, reference);
            Pair two = paired("local[2]", 2, prepared, withJob(recipe), masks, reference);
            System.out.printf("%nmedians of %d runs, local and spark alternating (min in brackets)%n", repeats);
            System.out.printf("engine          s/generation     s/candidate  engine overhead  of scoring  executor prep%n");
            one.print(masks.size());
            two.print(masks.size());
            double perCandidate = one.local().min() / masks.size();
            double overhead = two.overhead().median();
            System.out.printf("%noverhead in local[2]: %.2f s per generation, %.1f%% of its scoring (target < 10%%)%n",
                    overhead, 100 * overhead / two.scoring().median());
            System.out.printf("%nprojection for a cluster (one-thread cost %.3f s/candidate, the fastest local run; %.2f s"
                    + " overhead per generation; executors prepare once, in parallel, %.1f s here):%n", perCandidate,
                    overhead, two.prepare());
            System.out.printf("task slots  s/generation of %d  speed-up over local 2 threads%n", masks.size());
            for (int slots : new int[] {4, 8, 16, 32, 64}) {
                double projected = Math.ceil((double) masks.size() / slots) * perCandidate + overhead;
                System.out.printf("%10d  %17.2f  %28.1fx%n", slots, projected, two.local().median() / projected);
            }
            System.out.printf("%nload average after: %s%n", loadAverage());
        }
    }

    /**
     * Local scoring on {@code threads} threads and the spark engine on {@code master}, alternating so that
     * both see the same load: after a first batch in which the executors prepare, {@link #repeats} of each.
     */
    private Pair paired(String master, int threads, PreparedStrategy prepared, StrategyRecipe recipe,
            List<PruningMask> masks, double[] reference) {
        EngineConfig config = new EngineConfig("spark", master, "zeroprune-bench", "shared", Map.of());
        try (ScoringEngine engine = ScoringEngines.open(config, Caller.COMMAND_LINE)) {
            PreparedStrategy distributed = prepared.scoringOn(engine, recipe);
            check(reference, distributed.scoreAll(masks, i -> "candidate #" + i, threads, () -> { }));
            double prepare = BatchTimes.last().prepareSeconds();
            System.err.printf("spark %s, first batch: executors prepared in %.1f s%n", master, prepare);
            Times local = new Times();
            Times wall = new Times();
            Times scoring = new Times();
            Times overhead = new Times();
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                check(reference, prepared.scoreAll(masks, i -> "candidate #" + i, threads, () -> { }));
                local.add(seconds(start));
                start = System.nanoTime();
                check(reference, distributed.scoreAll(masks, i -> "candidate #" + i, threads, () -> { }));
                wall.add(seconds(start));
                BatchTimes times = BatchTimes.last();
                scoring.add(times.scoringSeconds());
                overhead.add(times.overheadSeconds());
                System.err.printf("%d thread(s): local %.2f s, spark %s %.2f s (scoring per slot %.2f s, overhead %.2f s)%n",
                        threads, local.last(), master, wall.last(), scoring.last(), overhead.last());
            }
            return new Pair(master, threads, local, wall, scoring, overhead, prepare);
        }
    }

    /** One engine's figures beside the local run of as many threads. */
    private record Pair(String master, int threads, Times local, Times wall, Times scoring, Times overhead,
            double prepare) {
        void print(int candidates) {
            System.out.printf("%-15s %6.2f [%5.2f]  %14.3f%n", "local " + threads + (threads == 1 ? " thread" : " threads"),
                    local.median(), local.min(), local.median() / candidates);
            System.out.printf("%-15s %6.2f [%5.2f]  %14.3f  %13.2f s  %9.1f%%  %11.1f s%n", "spark " + master,
                    wall.median(), wall.min(), wall.median() / candidates, overhead.median(),
                    100 * overhead.median() / scoring.median(), prepare);
        }
    }

    /** Wall times of repeated runs. */
    private static final class Times {
        private final List<Double> values = new ArrayList<>();

        void add(double seconds) {
            values.add(seconds);
        }

        double last() {
            return values.get(values.size() - 1);
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double median() {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
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

    private static double[] check(double[] expected, double[] scores) {
        if (!Arrays.equals(expected, scores)) {
            throw new IllegalStateException("the scores differ between engines");
        }
        return scores;
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
