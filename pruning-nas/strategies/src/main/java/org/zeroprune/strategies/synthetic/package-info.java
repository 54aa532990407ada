/**
 * {@code synthetic-fidelity}: fidelity to the dense model on token sequences the strategy generates
 * without a corpus. See {@link org.zeroprune.strategies.synthetic.SyntheticFidelityProvider}.
 *
 * <p>Uses the SPI, its helpers ({@code org.zeroprune.spi.sums}, {@code Seeds}) and the JDK only.
 */
package org.zeroprune.strategies.synthetic;
