/**
 * The framework's root: the exceptions every layer may throw ({@link
 * org.zeroprune.nas.ZeroPruneException}, whose message is for the user, and {@link
 * org.zeroprune.nas.ConfigException}). With {@code io} it is the foundation of the package layers
 * (docs/architecture.md).
 *
 * <p>May use: the JDK only.
 */
package org.zeroprune.nas;
