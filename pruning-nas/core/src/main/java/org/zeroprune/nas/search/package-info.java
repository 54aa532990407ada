/**
 * The search: the search space and its genomes, the search strategies ({@link
 * org.zeroprune.nas.search.SearchStrategies}, one line per strategy), budgets and budget kinds ({@link
 * org.zeroprune.nas.search.BudgetKind}), and the parallel evaluation of candidates.
 *
 * <p>May use: the layers below (foundation, read, engines, {@code latency}, {@code runtime}) and the
 * SPI.
 */
package org.zeroprune.nas.search;
