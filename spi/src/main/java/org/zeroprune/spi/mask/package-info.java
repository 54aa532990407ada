/** Immutable pruning masks: which heads and which neurons of each layer are kept. */
package org.zeroprune.spi.mask;
