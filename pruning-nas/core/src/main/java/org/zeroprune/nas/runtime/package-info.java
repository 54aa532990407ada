/**
 * What running the model offers a pruning job ({@link org.zeroprune.nas.runtime.ModelRuntime}): a
 * masked forward pass, tokenisation, calibration text, sentence embeddings of an exported checkpoint
 * and latency; {@link org.zeroprune.nas.runtime.DjlModelRuntime} provides them on DJL's PyTorch
 * engine, loading the encoder only when first needed. Sits above {@code latency} because a latency
 * budget and the summary's timings are part of what it offers.
 *
 * <p>May use: the foundation, {@code checkpoint}, {@code model}, {@code cost}, {@code corpus},
 * {@code forward}, {@code latency} and the SPI.
 */
package org.zeroprune.nas.runtime;
