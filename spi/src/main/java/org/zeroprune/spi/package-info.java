/**
 * The zeroprune plugin contract.
 *
 * <p>A plugin jar registers one or more {@link org.zeroprune.spi.ScoringStrategyProvider}s in
 * {@code META-INF/services/org.zeroprune.spi.ScoringStrategyProvider}. The framework finds them
 * with {@link java.util.ServiceLoader}, on the class path or in a plugin directory, and selects one
 * by its unique {@linkplain org.zeroprune.spi.ScoringStrategyProvider#name() name}.
 *
 * <p>Life cycle: {@code provider.create(options)} gives a {@link org.zeroprune.spi.ScoringStrategy};
 * {@code strategy.prepare(model, context)} does the per-model work once and returns a
 * {@link org.zeroprune.spi.CandidateScorer}; the scorer is then called for every candidate
 * {@link org.zeroprune.spi.mask.PruningMask}, possibly from several threads.
 *
 * <p>This module depends on the JDK only, so that a plugin needs nothing else to compile.
 */
package org.zeroprune.spi;
