/**
 * What runs on a Spark executor: the task that scores a slice of candidates ({@link
 * org.zeroprune.nas.spark.executor.ScoringTask}) and the JVM-wide cache of scorers rebuilt from their
 * recipes ({@link org.zeroprune.nas.spark.executor.ExecutorScorers}), one preparation per recipe and run.
 *
 * <p>May use: the core's {@code engine} package and Spark's executor-side API ({@code SparkFiles}).
 */
package org.zeroprune.nas.spark.executor;
