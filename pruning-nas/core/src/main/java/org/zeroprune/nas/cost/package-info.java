/**
 * The cost model: parameters and MACs per token of each module as a function of its kept units, summed
 * over a model view, and {@link org.zeroprune.nas.cost.LayerCosts}, the per-layer costs a budget
 * counts with.
 *
 * <p>May use: the foundation ({@code org.zeroprune.nas}, {@code io}), the SPI. Part of the read layer.
 */
package org.zeroprune.nas.cost;
