/**
 * The {@code prune} pipeline ({@link org.zeroprune.nas.prune.PruneJob}): scoring and searching, the
 * ranking, the chosen candidate's quality, reconstruction, export, timing, and the typed summary
 * ({@link org.zeroprune.nas.prune.PruneSummary}).
 *
 * <p>May use: every layer below the pipelines and the other pipeline packages; not the benchmarks or
 * the CLI.
 */
package org.zeroprune.nas.prune;
