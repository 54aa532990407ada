/**
 * The test kit for plugin authors, published in the SPI's test-jar
 * ({@code org.zeroprune:zeroprune-spi}, {@code <type>test-jar</type>}, scope test):
 * {@link org.zeroprune.spi.testkit.ScoringStrategyContract}, the abstract JUnit 5 test of what the
 * SPI promises of every strategy, and the context it prepares strategies with
 * ({@link org.zeroprune.spi.testkit.KitContext}). Uses the SPI, the fixtures beside it, the JDK and
 * JUnit only, so that a plugin's tests need nothing else.
 */
package org.zeroprune.spi.testkit;
