package org.zeroprune.nas.spark;

/**
 * Where the time of one batch on Spark went, for the benchmark and the log: the job's wall time
 * against the longest task's scoring, the rest being the engine's (scheduling, serialisation,
 * result collection, and tasks that finished unevenly).
 *
 * @param candidates candidates in the batch
 * @param tasks tasks it was split into
 * @param wallSeconds the job, as the driver waited for it
 * @param longestTaskSeconds the longest task's scoring, the executors' preparation left out
 * @param prepareSeconds the longest wait of a task for its executor's preparation (0 once prepared)
 */
public record BatchTimes(int candidates, int tasks, double wallSeconds, double longestTaskSeconds,
        double prepareSeconds) {
    private static volatile BatchTimes last;

    /** {@return the time the engine added to the scoring: the wall time less the longest task and the preparation} */
    public double overheadSeconds() {
        return Math.max(0, wallSeconds - longestTaskSeconds - prepareSeconds);
    }

    /** {@return the last batch's times in this JVM, or null before the first} */
    public static BatchTimes last() {
        return last;
    }

    static void record(BatchTimes times) {
        last = times;
    }
}
