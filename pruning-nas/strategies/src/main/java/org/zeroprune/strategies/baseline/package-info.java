/**
 * Baseline strategies a proxy must beat: kept parameters, kept MACs, kept weight magnitude and a
 * seeded random score.
 *
 * <p>Uses the SPI, its helpers ({@code org.zeroprune.spi.sums}, {@code Seeds}) and the JDK only.
 */
package org.zeroprune.strategies.baseline;
