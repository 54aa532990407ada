package org.zeroprune.nas.spark.executor;

import java.io.Serializable;

/**
 * A candidate's score as it travels back to the driver.
 *
 * @param index its place in the batch
 * @param score its score
 */
public record ScoredSlice(int index, double score) implements Serializable {
    private static final long serialVersionUID = 1L;
}
