/**
 * Helpers for plugin authors: sums of weight entries over the units a mask keeps, precomputed per
 * unit so that a candidate is summed a 64-bit {@link org.zeroprune.spi.mask.UnitSet} word at a time
 * without touching a weight ({@link org.zeroprune.spi.sums.UnitSums}, {@link org.zeroprune.spi.sums.ModelSums}),
 * and how a weight's rows and columns follow its module's units ({@link org.zeroprune.spi.sums.WeightCuts}).
 * The shipped strategies and the ZeroLM plugin use them; nothing here is part of the contract a
 * plugin must implement. Uses the JDK and the SPI's model and mask types only.
 */
package org.zeroprune.spi.sums;
