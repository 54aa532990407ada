/**
 * Baseline strategies a proxy must beat: kept parameters, kept MACs, kept weight magnitude and a
 * seeded random score.
 */
package org.zeroprune.plugin.baseline;
