/**
 * Where candidates are scored: the {@link org.zeroprune.nas.engine.ScoringEngine} a batch of
 * candidates goes through ({@code local}: threads of this JVM; others, such as {@code spark}, found by
 * name with {@link java.util.ServiceLoader} through {@link org.zeroprune.nas.engine.EngineProvider}),
 * its settings ({@code engine.*}), and the {@link org.zeroprune.nas.engine.ScorerRecipe} a remote
 * worker rebuilds a scorer from, since a prepared model cannot travel.
 *
 * <p>May use: the foundation and the SPI only; part of the search layer, below {@code plugin} and
 * {@code search}, which score through it. Never a distributed engine's own classes.
 */
package org.zeroprune.nas.engine;
