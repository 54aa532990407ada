/**
 * Sums of weight entries over the units a mask keeps, precomputed per unit so that a candidate is
 * summed a 64-bit {@link org.zeroprune.spi.mask.UnitSet} word at a time without touching a weight.
 */
package org.zeroprune.plugin.units;
