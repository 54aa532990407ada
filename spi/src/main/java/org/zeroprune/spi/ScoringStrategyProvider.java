package org.zeroprune.spi;

import java.util.List;

/**
 * Entry point of a scoring plugin, found through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to construct: the
 * framework instantiates every provider to list them, even those it will not use.
 */
public interface ScoringStrategyProvider {

    /**
     * The version of this SPI, {@code MAJOR.MINOR}. A new minor version only adds (default methods,
     * new helpers); a new major version changes what existing plugins rely on, so the framework
     * refuses a provider compiled against another major version.
     */
    String SPI_VERSION = "1.0";

    /**
     * The SPI version this provider was compiled against. Implement it as
     * {@code return SPI_VERSION;}: the compiler copies the constant into the provider's own class
     * file, so the method keeps answering the version the plugin was built with, whatever SPI the
     * framework that loads it has. (A default method could not do this: its body would be the
     * framework's.) The framework leaves out a provider whose major version differs from its own
     * and says so.
     *
     * @return the {@code MAJOR.MINOR} version, {@link #SPI_VERSION} as the provider saw it
     */
    String spiVersion();

    /**
     * {@return the unique name by which a configuration selects this strategy, for example {@code zerolm}}
     * Lower case letters, digits and hyphens; two providers with the same name are refused.
     */
    String name();

    /** {@return one line that tells a user what the strategy measures} */
    String description();

    /**
     * {@return the options this strategy accepts, with their types and defaults} A key that is not
     * declared here is refused before {@link #create} is called.
     */
    List<OptionSpec> options();

    /**
     * {@return a strategy configured with the given options}
     *
     * @param options values for the keys of {@link #options()}, already parsed and type-checked,
     *     with defaults filled in
     * @throws InvalidOptionException if a combination of values is not acceptable
     */
    ScoringStrategy create(StrategyOptions options);
}
