/**
 * {@code zerolm-relative}: ZeroLM's weight capacities as shares of the dense model's, so that
 * candidates of one model compare by what they keep. See
 * {@link org.zeroprune.plugin.relative.ZeroLmRelativeProvider}.
 *
 * <p>May use: the SPI and the plugin's {@code units}; never the framework.
 */
package org.zeroprune.plugin.relative;
