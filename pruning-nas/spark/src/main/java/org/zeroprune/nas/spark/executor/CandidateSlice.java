package org.zeroprune.nas.spark.executor;

import java.io.Serializable;
import org.zeroprune.nas.engine.MaskData;

/**
 * One candidate of a batch as it travels to an executor.
 *
 * @param index its place in the batch
 * @param mask its mask
 * @param name how a failure names it ({@code candidate #12 (...)}), as the driver would
 */
public record CandidateSlice(int index, MaskData mask, String name) implements Serializable {
    private static final long serialVersionUID = 1L;
}
