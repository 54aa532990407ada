/** Rank correlations and the grid search of ZeroLM's balance α. */
package org.zeroprune.plugin.stats;
