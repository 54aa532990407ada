/**
 * {@code perturbation}: a weight-only, data-free estimate of how much removing heads and neurons
 * perturbs each module's output, from a Gaussian model of the module's normalised input. See
 * {@link org.zeroprune.plugin.perturbation.PerturbationProvider}.
 */
package org.zeroprune.plugin.perturbation;
