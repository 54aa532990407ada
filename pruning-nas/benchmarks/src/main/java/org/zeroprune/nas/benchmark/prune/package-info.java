/**
 * The prune benchmark ({@code zeroprune benchmark prune}): whole {@code prune} runs on checkpoints
 * of given shapes with random weights, their time per phase and heap, as a table.
 *
 * <p>May use: every core package (it runs the {@code prune} pipeline as the command does); not the
 * CLI.
 */
package org.zeroprune.nas.benchmark.prune;
