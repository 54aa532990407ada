/**
 * The scoring strategies that ship with the framework, each registered in
 * {@code META-INF/services/org.zeroprune.spi.ScoringStrategyProvider}: the default
 * {@code synthetic-fidelity} ({@link org.zeroprune.strategies.synthetic}), {@code perturbation}
 * ({@link org.zeroprune.strategies.perturbation}), the data-driven {@code fisher}
 * ({@link org.zeroprune.strategies.fisher}) and the baselines ({@link org.zeroprune.strategies.baseline}).
 *
 * <p>They use the SPI ({@code org.zeroprune.spi..}), the JDK and commons-math only, never the
 * framework: the framework finds them through {@link java.util.ServiceLoader} like any plugin.
 */
package org.zeroprune.strategies;
