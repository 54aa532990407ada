/**
 * Text for fidelity and calibration: the English corpus zeroprune ships, or a UTF-8 file of the
 * user's.
 *
 * <p>May use: the foundation ({@code org.zeroprune.nas}, {@code io}). Part of the read layer.
 */
package org.zeroprune.nas.corpus;
