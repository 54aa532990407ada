/**
 * The ONNX Runtime benchmarks ({@code zeroprune benchmark onnx} and its int8 form): dense against
 * pruned models, float and int8, exported as {@code prune} exports them and timed where they are
 * deployed, for every batch shape asked for.
 *
 * <p>May use: every core package (notably {@code export.onnx} and {@code latency}); not the CLI.
 */
package org.zeroprune.nas.benchmark.onnx;
