/**
 * The {@code zeroprune} command line (picocli).
 *
 * <p>Options that several commands share with one meaning are declared once, in a mixin
 * ({@code *Option} / {@code *Options} classes), with their name, help text and default; an option
 * that only shares its name with another command's (prune's {@code --strategy NAME} and evaluate's
 * {@code --strategy SPEC}, say) stays with its command.
 *
 * <p>Defaults, one convention:
 * <ul>
 *   <li>An option that sets a configuration key has no picocli default: {@code null} means "not
 *       given", so that {@code --config FILE} and {@code --set} still apply. Its help shows the
 *       default of {@code defaults.yaml} with {@code ${bundle:defaults.KEY}} ({@link ConfigDefaults}),
 *       never a copy.</li>
 *   <li>Any other option with a default has it as picocli's {@code defaultValue}, shown with
 *       {@code ${DEFAULT-VALUE}}, not as a field initialiser (repeatable options start from an
 *       empty collection, which is no default).</li>
 * </ul>
 *
 * <p>Strategies with options are written {@code NAME:KEY=VALUE,KEY=VALUE} everywhere
 * ({@link org.zeroprune.nas.evaluate.StrategySpec}). Output directories are guarded by
 * {@link org.zeroprune.nas.io.OutputDirectory} and benchmark result files by
 * {@link org.zeroprune.nas.io.ResultFile}: the commands only pass {@code --overwrite} and
 * {@code --out} on.
 *
 * <p>May use: every package of the core and the benchmarks, picocli and the progress bar. Nothing
 * uses it: it is the top of the layers.
 */
package org.zeroprune.nas.cli;
