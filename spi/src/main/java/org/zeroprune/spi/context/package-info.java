/**
 * What the framework offers a strategy besides the weights: a cost model, a seed, candidate
 * samplers, labelled samples, calibration text and a masked forward pass.
 *
 * <p>May use: the JDK and the other SPI packages only.
 */
package org.zeroprune.spi.context;
