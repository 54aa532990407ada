/**
 * Latency, measured on this machine, in one place: the generic timing (alternating paired runs
 * with a stopping rule, {@link org.zeroprune.nas.latency.AlternatingTimer}; the latency budget and
 * its deadlines; timing in a fresh JVM, {@link org.zeroprune.nas.latency.FreshJvm}), the per-block
 * latency table a latency budget counts with ({@link org.zeroprune.nas.latency.LatencyTable}, from
 * {@link org.zeroprune.nas.latency.LatencyProfiler}), and the dense-against-pruned comparisons of a
 * prune's summary on PyTorch ({@link org.zeroprune.nas.latency.TorchLatencyComparison}) and in ONNX
 * Runtime ({@link org.zeroprune.nas.latency.OrtLatencyComparison}), each with the probe its fresh JVM
 * runs.
 *
 * <p>May use: the foundation, {@code checkpoint}, {@code cost}, and the engines ({@code forward},
 * through its public API and {@link org.zeroprune.nas.forward.OpenEncoder}; {@code onnxruntime}).
 * Not the export: whoever compares exported ONNX files writes them first.
 */
package org.zeroprune.nas.latency;
