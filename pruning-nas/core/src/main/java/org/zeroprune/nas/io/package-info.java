/**
 * Files zeroprune writes and caches: atomic writes and replacements beside the target, output
 * directories with their manifest and lock, benchmark result files, the cache root and content hashes
 * that key cached results; and the check that an input file is a regular file ({@code InputFile}).
 *
 * <p>May use: the JDK, Jackson and the root package. The foundation: every other package may use it.
 */
package org.zeroprune.nas.io;
