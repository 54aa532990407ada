/**
 * The {@code spark} scoring engine: each batch of candidates (a search's generation, evaluate's
 * sample) becomes one Spark job over the executors, which rebuild the scorer from its recipe
 * ({@link org.zeroprune.nas.spark.executor}); the driver keeps the search, its randomness and the
 * ranking. Registered with {@link java.util.ServiceLoader} as an {@link
 * org.zeroprune.nas.engine.EngineProvider}.
 *
 * <p>May use: the core's {@code engine} package and its {@code ZeroPruneException}s, and Spark. The only
 * place besides its subpackages that imports {@code org.apache.spark}.
 */
package org.zeroprune.nas.spark;
