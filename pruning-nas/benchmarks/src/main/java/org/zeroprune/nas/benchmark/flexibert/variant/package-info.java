/**
 * Experimental variant scorers of the FlexiBERT harness, reported <em>beside</em> the ZeroLM
 * reproduction and never in its place. Each scores a dense architecture as
 * {@code α·A + (1 − α)·F} from two module-level quantities {@code A} (token mixing) and {@code F}
 * (FFN) that differ from ZeroLM's sums in one principled way (per-module normalisation, a mean
 * over layers, logarithms, scale-free capacity); see {@link org.zeroprune.nas.benchmark.flexibert.variant.VariantFormula}.
 * α is picked on the labelled sample of the scoring context only (the run seed's 50 architectures),
 * never on the architectures the variant is evaluated on.
 *
 * <p>May use: the FlexiBERT harness, the SPI and the core packages below the pipelines; not the CLI.
 */
package org.zeroprune.nas.benchmark.flexibert.variant;
