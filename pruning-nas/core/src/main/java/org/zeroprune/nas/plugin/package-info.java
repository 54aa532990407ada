/**
 * Scoring strategies as the framework runs them: the registry that finds them with {@link
 * java.util.ServiceLoader} on the class path and in plugin directories, a strategy configured with
 * options, prepared on a model, and the scoring context it is handed ({@link
 * org.zeroprune.nas.plugin.RunScoringContext}).
 *
 * <p>May use: the layers below the search and the SPI; part of the search layer. Never a plugin's
 * classes.
 */
package org.zeroprune.nas.plugin;
