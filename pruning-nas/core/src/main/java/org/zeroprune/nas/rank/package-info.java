/**
 * The ranking a prune writes: {@code ranking.json} and {@code ranking.csv}, the order units are kept
 * in, and reading a candidate's masks back from a ranking.
 *
 * <p>May use: the layers below the search and the SPI; part of the search layer.
 */
package org.zeroprune.nas.rank;
