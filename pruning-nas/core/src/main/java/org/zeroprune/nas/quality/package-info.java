/**
 * Measures of a pruned model: fidelity to the dense model ({@link
 * org.zeroprune.nas.quality.FidelityEvaluator}), STS benchmark correlation, rank correlation between
 * scores and measurements, and whether the model's vocabulary reads the shipped corpus.
 *
 * <p>May use: every layer up to reconstruct and export, and the SPI.
 */
package org.zeroprune.nas.quality;
