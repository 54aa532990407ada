package org.zeroprune.nas.benchmark.flexibert;

/**
 * One architecture of the benchmark with its ground truth.
 *
 * @param id the record's {@code id}
 * @param glue {@code scores.glue}: the mean of eight GLUE dev scores (WNLI excluded)
 * @param architecture the architecture
 */
public record BenchmarkRecord(int id, double glue, Architecture architecture) {
}
