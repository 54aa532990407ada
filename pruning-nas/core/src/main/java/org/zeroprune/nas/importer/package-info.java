/**
 * ONNX import: turns a BERT encoder exported to ONNX (HF optimum, {@code torch.onnx}, quantized
 * exports refused with a reason) into a checkpoint, and the embedded default model ({@link
 * org.zeroprune.nas.importer.EmbeddedModel}).
 *
 * <p>May use: the foundation ({@code org.zeroprune.nas}, {@code io}), {@code checkpoint}, the ONNX
 * protobuf classes. Part of the read layer.
 */
package org.zeroprune.nas.importer;
