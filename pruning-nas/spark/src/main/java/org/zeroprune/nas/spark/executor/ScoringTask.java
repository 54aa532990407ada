package org.zeroprune.nas.spark.executor;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.zeroprune.nas.engine.RebuiltScorer;
import org.zeroprune.nas.engine.ScorerRecipe;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores one task's slice of candidates on an executor, on one thread, with the scorer this JVM
 * rebuilt from the recipe ({@link ExecutorScorers}). A failure is the scorer's own exception, which
 * Spark retries and, when it persists, carries back to the driver.
 */
public final class ScoringTask implements FlatMapFunction<Iterator<CandidateSlice>, ScoredSlice> {
    private static final long serialVersionUID = 1L;

    private final ScorerRecipe recipe;
    private final boolean sharedFiles;

    /** @param sharedFiles whether the recipe's paths are valid here as they are; else Spark shipped copies */
    public ScoringTask(ScorerRecipe recipe, boolean sharedFiles) {
        this.recipe = recipe;
        this.sharedFiles = sharedFiles;
    }

    @Override
    public Iterator<ScoredSlice> call(Iterator<CandidateSlice> slice) {
        List<CandidateSlice> todo = new ArrayList<>();
        slice.forEachRemaining(todo::add);
        if (todo.isEmpty()) {
            return List.<ScoredSlice>of().iterator();
        }
        ScorerRecipe here = sharedFiles ? recipe
                : recipe.relocated(path -> SparkFiles.get(Paths.get(path).getFileName().toString()));
        List<PruningMask> masks = new ArrayList<>(todo.size());
        todo.forEach(c -> masks.add(c.mask().mask()));
        long start = System.nanoTime();
        RebuiltScorer scorer = ExecutorScorers.get(here);
        long prepared = System.nanoTime();
        double[] scores = scorer.scoreAll(masks, i -> todo.get(i).name(), 1, () -> { });
        double taskSeconds = (System.nanoTime() - prepared) / 1e9;
        double prepareSeconds = (prepared - start) / 1e9;
        List<ScoredSlice> out = new ArrayList<>(todo.size());
        for (int i = 0; i < scores.length; i++) {
            out.add(new ScoredSlice(todo.get(i).index(), scores[i], i == 0 ? taskSeconds : 0, prepareSeconds));
        }
        return out.iterator();
    }
}
