package org.zeroprune.spi;

/**
 * Per-unit importance that a scorer derives while it is prepared: how much the strategy would
 * like to keep each head and each neuron (higher means keep). Search strategies use it to choose
 * <em>which</em> units to drop inside a layer, leaving <em>how many</em> to the search.
 *
 * @param heads {@code heads[layer][head]}
 * @param neurons {@code neurons[layer][neuron]}
 */
public record UnitImportance(double[][] heads, double[][] neurons) {
}
