package org.zeroprune.nas.spark;

/**
 * Where the time of one batch on Spark went, for the benchmark: the job's wall time against the
 * scoring its tasks did, spread over the task slots; the rest is the engine's (scheduling,
 * serialisation, result collection, and slots left idle while the last tasks finish).
 *
 * @param candidates candidates in the batch
 * @param tasks tasks it was split into
 * @param slots task slots it ran on (the context's default parallelism)
 * @param wallSeconds the job, as the driver waited for it
 * @param taskSeconds the tasks' scoring, summed, the executors' preparation left out
 * @param prepareSeconds the longest wait of a task for its executor's preparation (0 once prepared)
 */
public record BatchTimes(int candidates, int tasks, int slots, double wallSeconds, double taskSeconds,
        double prepareSeconds) {
    private static volatile BatchTimes last;

    /** {@return the scoring's share of the wall time: the tasks' scoring over the slots} */
    public double scoringSeconds() {
        return taskSeconds / slots;
    }

    /** {@return the time the engine added to the scoring: the wall time less the scoring and the preparation} */
    public double overheadSeconds() {
        return Math.max(0, wallSeconds - scoringSeconds() - prepareSeconds);
    }

    /** {@return the last batch's times in this JVM, or null before the first} */
    public static BatchTimes last() {
        return last;
    }

    static void record(BatchTimes times) {
        last = times;
    }
}
