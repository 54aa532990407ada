package org.zeroprune.spi;

/**
 * Per-unit importance that a scorer derives while it is prepared: how much the strategy would
 * like to keep each head and each neuron (higher means keep). Search strategies use it to choose
 * <em>which</em> units to drop inside a layer, leaving <em>how many</em> to the search.
 *
 * <p>One finite number per head and per neuron of every layer of the prepared model; any sign, since
 * only the order counts. The framework refuses a NaN, an infinity or an array of the wrong length,
 * naming the strategy, the layer and the unit.
 *
 * @param heads {@code heads[layer][head]}
 * @param neurons {@code neurons[layer][neuron]}
 */
public record UnitImportance(double[][] heads, double[][] neurons) {
}
