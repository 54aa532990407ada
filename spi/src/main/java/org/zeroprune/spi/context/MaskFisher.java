package org.zeroprune.spi.context;

/**
 * Sums of squared gradients of a loss with respect to multiplicative head and neuron masks, taken
 * at the dense model (all mask variables 1), one gradient per sequence.
 *
 * @param heads {@code heads[layer][head]}
 * @param neurons {@code neurons[layer][neuron]}
 * @param sequences how many sequences were summed over
 */
public record MaskFisher(double[][] heads, double[][] neurons, int sequences) {
}
