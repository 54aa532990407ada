/**
 * A model ready for pruning: resolving what the user names ({@link
 * org.zeroprune.nas.model.ModelSource}: the embedded model, a directory, an {@code .onnx} file, DJL's
 * zoo), reading it through the cache, and the plugins' {@link org.zeroprune.spi.model.ModelView} of
 * it.
 *
 * <p>May use: the foundation ({@code org.zeroprune.nas}, {@code io}), {@code checkpoint}, {@code
 * importer}, the SPI. Part of the read layer.
 */
package org.zeroprune.nas.model;
