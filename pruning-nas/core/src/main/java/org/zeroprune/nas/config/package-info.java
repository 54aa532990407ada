/**
 * The configuration of a run: defaults, a YAML or JSON file and command-line overrides merged and
 * bound to {@link org.zeroprune.nas.config.PruneConfig}, checked with messages naming source, key and
 * value, and the Guice module that wires a run.
 *
 * <p>May use: every layer below the pipelines and the other pipeline packages; not the benchmarks or
 * the CLI.
 */
package org.zeroprune.nas.config;
