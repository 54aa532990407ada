/**
 * {@code perturbation}: a weight-only, data-free estimate of how much removing heads and neurons
 * perturbs each module's output, from a Gaussian model of the module's normalised input. See
 * {@link org.zeroprune.strategies.perturbation.PerturbationProvider}.
 *
 * <p>Uses the SPI, its helpers ({@code org.zeroprune.spi.sums}, {@code Seeds}) and the JDK and commons-math only.
 */
package org.zeroprune.strategies.perturbation;
