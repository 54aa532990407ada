/**
 * What {@code zeroprune evaluate} writes and prints about an evaluation: {@code evaluation.json},
 * an HTML page with one score-against-fidelity scatter plot per strategy (JFreeChart), and the
 * console table.
 *
 * <p>May use: every core and benchmark package, and JFreeChart; only the CLI uses it.
 */
package org.zeroprune.nas.cli.report;
