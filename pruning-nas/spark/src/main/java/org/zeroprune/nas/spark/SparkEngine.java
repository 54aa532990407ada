package org.zeroprune.nas.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.zeroprune.nas.engine.BatchScorer;
import org.zeroprune.nas.engine.MaskData;
import org.zeroprune.nas.engine.ScorerRecipe;
import org.zeroprune.nas.engine.ScoringEngine;
import org.zeroprune.nas.spark.executor.CandidateSlice;
import org.zeroprune.nas.spark.executor.ScoredSlice;
import org.zeroprune.nas.spark.executor.ScoringTask;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores each batch as one Spark job: the candidates, split into a few tasks per task slot, go to the
 * executors with the recipe, each executor JVM rebuilds the scorer once per run and scores its slices
 * on one thread per task; the driver gathers the scores by index. A task that fails is retried by
 * Spark ({@code spark.task.maxFailures}, the N of {@code local[_,N]}); a failure that persists fails
 * the run with the scorer's own one-line message.
 */
final class SparkEngine implements ScoringEngine {
    private static final int TASKS_PER_SLOT = 4;
    private final SparkContexts context;
    private final JavaSparkContext spark;
    private final FileShipping files;

    /** @param sharedFiles whether executors read the driver's paths, rather than copies Spark ships */
    SparkEngine(SparkContexts context, boolean sharedFiles) {
        this.context = context;
        this.spark = context.spark();
        this.files = new FileShipping(spark, sharedFiles);
    }

    @Override
    public String name() {
        return SparkEngineProvider.NAME;
    }

    @Override
    public double[] scoreAll(BatchScorer local, ScorerRecipe recipe, List<PruningMask> masks,
            IntFunction<String> candidate, int threads, Runnable scored) {
        if (masks.isEmpty()) {
            return new double[0];
        }
        files.ship(recipe);
        List<CandidateSlice> slices = new ArrayList<>(masks.size());
        for (int i = 0; i < masks.size(); i++) {
            // named here, where the run knows a candidate's id, so that a failure reads as it does locally
            slices.add(new CandidateSlice(i, MaskData.of(masks.get(i)), candidate.apply(i)));
        }
        // a few tasks per slot: Spark hands the next one to whichever slot frees first, as local threads take the
        // next candidate, so that a slot slowed down (a busy machine) scores fewer
        int slots = spark.defaultParallelism();
        int tasks = Math.min(masks.size(), TASKS_PER_SLOT * slots);
        List<ScoredSlice> results;
        long start = System.nanoTime();
        try {
            results = spark.parallelize(slices, tasks).mapPartitions(new ScoringTask(recipe, files.shared())).collect();
        } catch (Exception e) {
            // Spark's SparkException is checked in Java's terms, though no signature declares it
            throw JobFailures.of(e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double[] scores = new double[masks.size()];
        double taskSeconds = 0;
        double prepare = 0;
        for (ScoredSlice r : results) {
            scores[r.index()] = r.score();
            taskSeconds += r.taskSeconds();
            prepare = Math.max(prepare, r.prepareSeconds());
            scored.run();
        }
        BatchTimes.record(new BatchTimes(masks.size(), tasks, slots, wall, taskSeconds, prepare));
        return scores;
    }

    @Override
    public void close() {
        context.close();
    }
}
