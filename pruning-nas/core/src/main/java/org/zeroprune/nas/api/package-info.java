/**
 * The in-process Java API ({@link org.zeroprune.nas.api.ZeroPrune}): the {@code prune} pipeline for a
 * program, without the command line.
 *
 * <p>May use: every layer below the pipelines and the other pipeline packages; not the benchmarks or
 * the CLI.
 */
package org.zeroprune.nas.api;
