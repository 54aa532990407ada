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
