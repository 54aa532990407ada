package org.zeroprune.nas.benchmark.flexibert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.plugin.ConfiguredStrategy;
import org.zeroprune.nas.plugin.ContextOffer;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.RunScoringContext;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * One run seed's pass: every architecture is built once (its weights from the seed and its id; one
 * in the α sample shares the model its {@link LabelledArchitecture} built for the α fits),
 * then every active strategy prepares it and scores its dense mask through the plugin contract.
 * Architectures are independent, so they run on the pool in any order and their results land by
 * position: the outcome does not depend on threads or scheduling.
 */
final class SeedPass {
    /** What the benchmark's contexts offer, for the message that refuses a strategy needing more. */
    private static final ContextOffer OFFER = new ContextOffer("the FlexiBERT benchmark", Map.of(),
            "it offers a cost model, labelled samples and a sampler");

    private final List<BenchmarkRecord> records;
    private final FlexiSearchSpace space;
    private final BenchmarkSettings settings;
    private final ProgressListener progress;

    SeedPass(List<BenchmarkRecord> records, FlexiSearchSpace space, BenchmarkSettings settings,
            ProgressListener progress) {
        this.records = records;
        this.space = space;
        this.settings = settings;
        this.progress = progress;
    }

    /** What one pass found: per active strategy, its outcome; and the pass's summary. */
    record Result(List<SeedOutcome> outcomes, SeedPassSummary summary) {
    }

    /** What one architecture gave: per strategy its score, time and details. */
    private record ArchitectureResult(double[] scores, long[] nanos, long buildNanos, List<Map<String, Object>> details) {
    }

    Result run(long seed, String label, List<LineupEntry> active, ExecutorService pool) {
        long start = System.nanoTime();
        int[] sample = AlphaSample.choose(records.size(), settings.sampleSize(), seed);
        List<LabelledSample> labelled = new ArrayList<>();
        Map<Integer, LabelledArchitecture> labelledAt = new HashMap<>();
        for (int position : sample) {
            LabelledArchitecture architecture = new LabelledArchitecture(records.get(position), seed,
                    settings.sequenceLength());
            labelled.add(architecture);
            labelledAt.put(position, architecture);
        }
        // every context of this seed from one builder: one list and one sampler object, which strategies memoise by
        RunScoringContext.Builder contexts = RunScoringContext.builder(seed, progress).labelledSamples(labelled)
                .sampler(new SearchSpaceSampler(space, settings.sequenceLength()));
        List<ConfiguredStrategy> strategies = active.stream()
                .map(s -> ConfiguredStrategy.of(s.label(), s.source(), s.factory().get())).toList();

        List<Future<ArchitectureResult>> futures = new ArrayList<>();
        try (ProgressTask task = progress.start(label, records.size())) {
            for (int i = 0; i < records.size(); i++) {
                int position = i;
                futures.add(pool.submit(() -> {
                    ArchitectureResult r = score(position, seed, strategies, contexts, labelledAt.get(position));
                    task.step();
                    return r;
                }));
            }
            List<ArchitectureResult> results = collect(futures);
            return summarise(seed, sample, active, results, (System.nanoTime() - start) / 1e9);
        }
    }

    // labelled: the architecture's labelled twin when it is in the α sample (same weights, built once), else null
    private ArchitectureResult score(int position, long seed, List<ConfiguredStrategy> strategies,
            RunScoringContext.Builder contexts, LabelledArchitecture labelled) {
        BenchmarkRecord record = records.get(position);
        long t0 = System.nanoTime();
        ModelView model = labelled != null ? labelled.model()
                : ArchitectureModelBuilder.withGaussianWeights(FlexiBertBenchmark.modelName(record),
                        record.architecture(), WeightSeeds.architecture(seed, record.id()));
        ViewCostModel costs = new ViewCostModel(model, settings.sequenceLength());
        long buildNanos = System.nanoTime() - t0;
        RunScoringContext context = contexts.build(costs);
        String subject = "architecture id " + record.id() + " (seed " + seed + ")";
        PruningMask dense = PruningMask.dense(model);
        double[] scores = new double[strategies.size()];
        long[] nanos = new long[strategies.size()];
        List<Map<String, Object>> details = new ArrayList<>();
        for (int s = 0; s < strategies.size(); s++) {
            long t = System.nanoTime();
            PreparedStrategy prepared = strategies.get(s).prepare(model, context, OFFER, subject);
            scores[s] = prepared.score(dense, () -> subject);
            nanos[s] = System.nanoTime() - t;
            details.add(position == 0 ? Map.copyOf(prepared.details()) : Map.of());
        }
        return new ArchitectureResult(scores, nanos, buildNanos, details);
    }

    private static List<ArchitectureResult> collect(List<Future<ArchitectureResult>> futures) {
        List<ArchitectureResult> results = new ArrayList<>(futures.size());
        try {
            for (Future<ArchitectureResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ZeroPruneException("benchmark pass failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new ZeroPruneException("benchmark pass interrupted", e);
        }
    }

    private Result summarise(long seed, int[] sample, List<LineupEntry> active, List<ArchitectureResult> results,
            double wallSeconds) {
        int n = records.size();
        boolean[] inSample = new boolean[n];
        for (int position : sample) {
            inSample[position] = true;
        }
        double[] truth = records.stream().mapToDouble(BenchmarkRecord::glue).toArray();
        double[] heldOutTruth = heldOut(truth, inSample);
        long buildNanos = results.stream().mapToLong(ArchitectureResult::buildNanos).sum();
        List<SeedOutcome> outcomes = new ArrayList<>();
        for (int s = 0; s < active.size(); s++) {
            int strategy = s;
            double[] scores = results.stream().mapToDouble(r -> r.scores()[strategy]).toArray();
            long nanos = results.stream().mapToLong(r -> r.nanos()[strategy]).sum();
            Map<String, Object> details = results.get(0).details().get(s);
            outcomes.add(new SeedOutcome(seed, RankAgreement.of(scores, truth),
                    RankAgreement.of(heldOut(scores, inSample), heldOutTruth), alphaOf(details), details,
                    nanos / 1e9, buildNanos / 1e9, settings.keepScores() ? scores : null));
        }
        List<Integer> ids = Arrays.stream(sample).mapToObj(p -> records.get(p).id()).toList();
        List<String> labels = active.stream().map(LineupEntry::label).toList();
        return new Result(outcomes, new SeedPassSummary(seed, ids, labels, buildNanos / 1e9, wallSeconds));
    }

    private static double alphaOf(Map<String, Object> details) {
        return details.get("alpha") instanceof Number alpha ? alpha.doubleValue() : Double.NaN;
    }

    private static double[] heldOut(double[] values, boolean[] inSample) {
        double[] out = new double[values.length];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!inSample[i]) {
                out[k++] = values[i];
            }
        }
        return Arrays.copyOf(out, k);
    }
}
