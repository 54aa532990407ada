/**
 * The FlexiBERT benchmark (NAS-Bench-BERT, Serianni and Kalita 2023): 500 BERT-style architectures
 * with their GLUE scores, rebuilt here as randomly initialised {@link org.zeroprune.spi.model.ModelView}s
 * and scored through the same plugin path that pruning uses (registry, {@code create(options)},
 * {@code prepare(view, context)}, {@code score(dense mask)}), to measure how well a zero-cost proxy
 * ranks architectures: Kendall τ-b and Spearman ρ against {@code scores.glue}.
 *
 * <p>Reading: {@link org.zeroprune.nas.benchmark.flexibert.BenchmarkReader},
 * {@link org.zeroprune.nas.benchmark.flexibert.FlexiSearchSpace}. Building:
 * {@link org.zeroprune.nas.benchmark.flexibert.ArchitectureModelBuilder}. Scoring:
 * {@link org.zeroprune.nas.benchmark.flexibert.FlexiBertBenchmark}. Reporting:
 * {@link org.zeroprune.nas.benchmark.flexibert.BenchmarkReport}.
 *
 * <p>May use: every core package (the plugin registry and the SPI above all); not the CLI.
 */
package org.zeroprune.nas.benchmark.flexibert;
