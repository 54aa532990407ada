package org.zeroprune.nas.benchmark.flexibert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.spi.context.ProgressListener;

/**
 * The FlexiBERT benchmark harness: for every run seed, one {@link SeedPass} over the architectures
 * with every strategy whose seed limit allows it, then the per-strategy outcomes across seeds.
 *
 * <p>Per seed: a seeded α sample of {@code sampleSize} architectures is the context's labelled
 * samples (quality = {@code scores.glue}); the sampler draws random architectures of the design
 * space; each architecture's weights are drawn from its own seed ({@link WeightSeeds}). Correlations
 * are over all architectures and over those not in the α sample.
 */
public final class FlexiBertBenchmark {
    private final String dataName;
    private final List<BenchmarkRecord> records;
    private final FlexiSearchSpace space;
    private final BenchmarkSettings settings;
    private final ProgressListener progress;

    /**
     * @param dataName the benchmark file, for the report
     * @param records the benchmark's records
     * @param space the design space the sampler draws from
     * @param settings seeds, sample size, threads, sequence length
     * @param progress where passes report progress
     */
    public FlexiBertBenchmark(String dataName, List<BenchmarkRecord> records, FlexiSearchSpace space,
            BenchmarkSettings settings, ProgressListener progress) {
        if (settings.sampleSize() < 2 || settings.sampleSize() > records.size() - 2) {
            throw new ZeroPruneException("--sample-size must be between 2 and " + (records.size() - 2)
                    + " (the rest are held out), got " + settings.sampleSize());
        }
        this.dataName = dataName;
        this.records = List.copyOf(records);
        this.space = space;
        this.settings = settings;
        this.progress = progress;
    }

    /** The model name of a benchmark architecture: {@code flexibert-<id>}. */
    public static String modelName(BenchmarkRecord record) {
        return "flexibert-" + record.id();
    }

    /** Scores every architecture with every strategy on every seed it is allowed. */
    public BenchmarkReport run(List<LineupEntry> strategies) {
        long start = System.nanoTime();
        List<List<SeedOutcome>> outcomes = new ArrayList<>();
        strategies.forEach(s -> outcomes.add(new ArrayList<>()));
        List<SeedPassSummary> passes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        try {
            SeedPass pass = new SeedPass(records, space, settings, progress);
            List<Long> seeds = settings.seeds();
            for (int i = 0; i < seeds.size(); i++) {
                int index = i;
                List<Integer> activeIndices = IntStream.range(0, strategies.size())
                        .filter(s -> index < strategies.get(s).seedLimit()).boxed().toList();
                List<LineupEntry> active = activeIndices.stream().map(strategies::get).toList();
                String label = String.format(Locale.ROOT, "seed %d (%d/%d): %d architectures x %d strategies",
                        seeds.get(i), i + 1, seeds.size(), records.size(), active.size());
                SeedPass.Result result = pass.run(seeds.get(i), label, active, pool);
                for (int s = 0; s < active.size(); s++) {
                    outcomes.get(activeIndices.get(s)).add(result.outcomes().get(s));
                }
                passes.add(result.summary());
            }
        } finally {
            pool.shutdownNow();
        }
        List<StrategyOutcome> list = new ArrayList<>();
        for (int s = 0; s < strategies.size(); s++) {
            list.add(new StrategyOutcome(strategies.get(s), outcomes.get(s)));
        }
        return new BenchmarkReport(dataName, records.size(), settings, list, passes, (System.nanoTime() - start) / 1e9);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "flexibert-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
