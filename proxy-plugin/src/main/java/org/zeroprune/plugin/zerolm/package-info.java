/**
 * ZeroLM (Chen, Ding, Wang, Pedrycz, arXiv 2503.18646), as zeroprune implements it: a data-free,
 * training-free proxy that scores a candidate from the capacities of its masked weight matrices,
 * with attention and FFN scored separately and balanced by α:
 * {@code score = α·S_attn + (1 − α)·S_ffn}. See {@link org.zeroprune.plugin.zerolm.ZeroLmProvider}.
 *
 * <p>May use: the SPI, the plugin's own {@code spectral}, {@code stats} and {@code units} and its root
 * package; never the framework ({@code PluginDependenciesTest}).
 */
package org.zeroprune.plugin.zerolm;
