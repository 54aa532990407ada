package org.zeroprune.nas.testing;

import java.util.List;

/**
 * The strategies that ship with the framework (module {@code zeroprune-strategies}, on every test
 * class path of the core and the modules above it), for tests that expect a registry's names.
 */
public final class ShippedStrategies {
    /** Their names, sorted as the registry lists them. */
    public static final List<String> NAMES =
            List.of("fisher", "flops", "magnitude", "params", "perturbation", "random", "synthetic-fidelity");

    /** The names as an error message lists them before the next, joined by {@code ", "} with a trailing one. */
    public static final String LISTED = String.join(", ", NAMES) + ", ";

    private ShippedStrategies() {
    }
}
