/**
 * The ONNX graph of a (pruned) BERT encoder, built node by node with per-layer head counts and FFN
 * widths, float or dynamic int8 weight products, written as an ONNX file ({@link
 * org.zeroprune.nas.export.onnx.OnnxExport}) and checked.
 *
 * <p>May use: the layers below, {@code export}, the ONNX protobuf classes.
 */
package org.zeroprune.nas.export.onnx;
