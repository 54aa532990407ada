/**
 * Writing a candidate: cutting a checkpoint to the kept heads and neurons ({@link
 * org.zeroprune.nas.export.CheckpointPruner}), the pruned checkpoint directory, the formats asked for
 * and int8 quantization, and exporting any ranked candidate of an earlier prune.
 *
 * <p>May use: the layers below and the SPI; with {@code reconstruct}, one layer.
 */
package org.zeroprune.nas.export;
