/**
 * The {@code evaluate} pipeline ({@link org.zeroprune.nas.evaluate.EvaluateJob}): what a strategy is
 * worth, by sampling equal-budget candidates, measuring their fidelity (cached on disk) and
 * correlating each strategy's ranking with it.
 *
 * <p>May use: every layer below the pipelines and the other pipeline packages; not the benchmarks or
 * the CLI.
 */
package org.zeroprune.nas.evaluate;
