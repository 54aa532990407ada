/**
 * zeroprune's scoring plugin: the data-free, training-free ZeroLM proxy
 * ({@link org.zeroprune.plugin.zerolm}) and the baselines it is compared with
 * ({@link org.zeroprune.plugin.baseline}); data-free rankings of one model's pruned candidates by
 * their faithfulness to the dense model ({@link org.zeroprune.plugin.synthetic},
 * {@link org.zeroprune.plugin.perturbation}, {@link org.zeroprune.plugin.relative}); and the
 * data-driven reference ({@link org.zeroprune.plugin.fisher}). Everything here is written against
 * the SPI only and is found by the framework through {@link java.util.ServiceLoader}.
 */
package org.zeroprune.plugin;
