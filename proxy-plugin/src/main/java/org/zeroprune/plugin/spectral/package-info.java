/**
 * Spectral statistics of masked weight matrices: singular values from the eigenvalues of the
 * smaller Gram matrix (our own Householder tridiagonalisation and implicit QL, tested against
 * EJML), the statistics ZeroLM can use as a matrix's capacity, and a bounded cache for them.
 *
 * <p>May use: the SPI only; never the framework.
 */
package org.zeroprune.plugin.spectral;
