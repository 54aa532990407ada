/**
 * The BERT encoder's forward pass on DJL's PyTorch engine (CPU, offline): loading a checkpoint
 * ({@link org.zeroprune.nas.forward.BertEncoder}), tokenising
 * ({@link org.zeroprune.nas.checkpoint.BertTokenizer}), masked and sliced candidates, the mask Fisher
 * estimate ({@link org.zeroprune.nas.forward.MaskFisherEstimator}), the plugins' masked forward
 * pass ({@link org.zeroprune.nas.forward.BertMaskedForward}) and latency profiling
 * ({@link org.zeroprune.nas.forward.LatencyProfiler}).
 */
package org.zeroprune.nas.forward;
