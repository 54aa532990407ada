/**
 * The data-driven reference: Fisher information of head and neuron masks on calibration text.
 *
 * <p>Uses the SPI, its helpers ({@code org.zeroprune.spi.sums}, {@code Seeds}) and the JDK only.
 */
package org.zeroprune.strategies.fisher;
