/**
 * zeroprune's scoring plugin: the data-free, training-free ZeroLM proxy
 * ({@link org.zeroprune.plugin.zerolm}) and the baselines it is compared with
 * ({@link org.zeroprune.plugin.baseline}). Everything here is written against the SPI only and is
 * found by the framework through {@link java.util.ServiceLoader}.
 */
package org.zeroprune.plugin;
