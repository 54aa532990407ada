/**
 * The BERT encoder's forward pass on DJL's PyTorch engine (CPU, offline): loading a checkpoint
 * ({@link org.zeroprune.nas.forward.BertEncoder}), masked and sliced candidates, the mask Fisher
 * estimate ({@link org.zeroprune.nas.forward.MaskFisherEstimator}), the plugins' masked forward
 * pass ({@link org.zeroprune.nas.forward.BertMaskedForward}) and the engine itself
 * ({@link org.zeroprune.nas.forward.TorchRuntime}).
 *
 * <p>Code above that trains or times the encoder's blocks (the recovery algorithms of
 * {@code reconstruct}, the block profiler of {@code latency}) goes through one seam,
 * {@link org.zeroprune.nas.forward.OpenEncoder}, and its vocabulary ({@code LayerWeights},
 * {@code PaddedBatch}, {@code MaskArrays}, {@code Scalars}); the rest stays package-private.
 *
 * <p>May use: the foundation, {@code checkpoint}, {@code model}, {@code cost}, {@code corpus}, the
 * SPI and DJL. Nothing above the engines.
 */
package org.zeroprune.nas.forward;
