/**
 * Immutable pruning masks: which heads and which neurons of each layer are kept.
 *
 * <p>May use: the JDK only.
 */
package org.zeroprune.spi.mask;
