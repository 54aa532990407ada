/**
 * zeroprune's ZeroLM plugin, the worked example of a third-party plugin: the data-free,
 * training-free ZeroLM proxy ({@link org.zeroprune.plugin.zerolm}) and its relative variant
 * ({@link org.zeroprune.plugin.relative}), with the weight statistics they need (spectral
 * statistics in {@link org.zeroprune.plugin.spectral}, α selection's rank correlations in
 * {@link org.zeroprune.plugin.stats}). Everything here is written against the SPI only (and the
 * commons-math it shades in) and is found by the framework through {@link java.util.ServiceLoader};
 * the strategies that ship with the framework live in the {@code zeroprune-strategies} module.
 */
package org.zeroprune.plugin;
