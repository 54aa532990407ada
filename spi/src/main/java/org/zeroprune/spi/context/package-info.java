/**
 * What the framework offers a strategy besides the weights: a cost model, a seed, candidate
 * samplers, labelled samples, calibration text and a masked forward pass.
 */
package org.zeroprune.spi.context;
