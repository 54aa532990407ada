package org.zeroprune.nas.spark.executor;

import java.io.Serializable;

/**
 * A candidate's score as it travels back to the driver.
 *
 * @param index its place in the batch
 * @param score its score
 * @param taskSeconds how long its task took to score all its candidates (the scorer's own work), on the task's
 *     first candidate only (0 on the others), so that the batch's sum counts each task once
 * @param prepareSeconds how long its task waited for this JVM's scorer (0 once it is prepared)
 */
public record ScoredSlice(int index, double score, double taskSeconds, double prepareSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;
}
