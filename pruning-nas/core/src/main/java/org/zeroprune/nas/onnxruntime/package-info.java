/**
 * ONNX Runtime sessions for exported models: opening a session, a padded batch as a BERT model's
 * inputs, sentence embeddings, and the CPU's int8 instruction set that decides what quantization
 * gains.
 *
 * <p>May use: the foundation ({@code org.zeroprune.nas}, {@code io}), {@code checkpoint}, ONNX
 * Runtime. An engine; its latency measurements live in {@code latency}.
 */
package org.zeroprune.nas.onnxruntime;
