/**
 * The spark engine's benchmark ({@link org.zeroprune.nas.spark.bench.SparkScoringBenchmark}): one
 * BERT-base-shaped generation scored on local threads and on Spark's local mode, with the engine's
 * overhead and a projection for a cluster.
 *
 * <p>May use: the core (as the prune pipeline does: model, plugin, search, runtime, its recipes) and the
 * benchmarks' checkpoint writer; the engine packages never use it.
 */
package org.zeroprune.nas.spark.bench;
