/**
 * Rank correlations and the grid search of ZeroLM's balance α.
 *
 * <p>May use: Commons Math (shaded into the plugin jar); never the framework.
 */
package org.zeroprune.plugin.stats;
