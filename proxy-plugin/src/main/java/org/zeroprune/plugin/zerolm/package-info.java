/**
 * ZeroLM (Chen, Ding, Wang, Pedrycz, arXiv 2503.18646), as zeroprune implements it: a data-free,
 * training-free proxy that scores a candidate from the capacities of its masked weight matrices,
 * with attention and FFN scored separately and balanced by α:
 * {@code score = α·S_attn + (1 − α)·S_ffn}. See {@link org.zeroprune.plugin.zerolm.ZeroLmProvider}.
 */
package org.zeroprune.plugin.zerolm;
