package org.zeroprune.nas.spark;

import org.zeroprune.nas.ZeroPruneException;

/**
 * What a failed Spark job means for the run: the scorer's own exception when a task threw one (Spark
 * carries it back as the cause, after its retries), so that the message is the one-line message of a
 * local run; else Spark's reason on one line.
 */
final class JobFailures {
    private JobFailures() {
    }

    static ZeroPruneException of(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ZeroPruneException z) {
                return z;
            }
        }
        return new ZeroPruneException("the spark engine failed to score candidates: " + OneLine.of(failure), failure);
    }
}
