/**
 * Recovery after the cut: the levels ({@link org.zeroprune.nas.reconstruct.ReconstructionLevel}),
 * calibration text (generated or split into train and held-out), and the algorithms, run by {@link
 * org.zeroprune.nas.reconstruct.Reconstructor}: layer-wise refit by damped least squares ({@link
 * org.zeroprune.nas.reconstruct.LayerwiseRefit}), end-to-end tuning of scales, biases and norms
 * ({@link org.zeroprune.nas.reconstruct.EndToEndTuner}) and distillation ({@link
 * org.zeroprune.nas.reconstruct.Distiller}).
 *
 * <p>May use: the layers below (the encoder's weights and block functions only through {@link
 * org.zeroprune.nas.forward.OpenEncoder}) and the SPI. Records gradients, so it builds DJL scalars
 * with {@code forward.Scalars} ({@code AutogradScalarsTest}).
 */
package org.zeroprune.nas.reconstruct;
