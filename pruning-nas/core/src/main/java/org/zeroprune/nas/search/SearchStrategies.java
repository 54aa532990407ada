package org.zeroprune.nas.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.zeroprune.nas.ConfigException;

/**
 * The search strategies a configuration can name ({@code search.strategy}). A new strategy is a
 * class in this package plus one line in {@link #REGISTERED}; its name is its own
 * {@link SearchStrategy#name()}, written nowhere else.
 */
public final class SearchStrategies {
    // one line per strategy, in the order that messages and help list them
    private static final List<Supplier<SearchStrategy>> REGISTERED = List.of(
            RandomSearch::new,
            EvolutionarySearch::new,
            GreedySearch::new,
            UniformSearch::new,
            ExhaustiveSearch::new,
            HybridSearch::new);

    private static final Map<String, Supplier<SearchStrategy>> BY_NAME = index();

    private SearchStrategies() {
    }

    /** Each strategy's factory by name, in registration order; a factory makes a fresh strategy per call. */
    public static Map<String, Supplier<SearchStrategy>> factories() {
        return BY_NAME;
    }

    /** The registered names, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Whether {@code name} is a registered strategy. */
    public static boolean has(String name) {
        return BY_NAME.containsKey(name);
    }

    /**
     * A fresh strategy named {@code name}.
     *
     * @throws ConfigException listing the registered names when there is none by that name
     */
    public static SearchStrategy create(String name) {
        Supplier<SearchStrategy> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new ConfigException("search strategy '" + name + "' is unknown; expected one of "
                    + String.join(", ", names()));
        }
        return factory.get();
    }

    private static Map<String, Supplier<SearchStrategy>> index() {
        Map<String, Supplier<SearchStrategy>> byName = new LinkedHashMap<>();
        for (Supplier<SearchStrategy> factory : REGISTERED) {
            String name = factory.get().name();
            if (byName.putIfAbsent(name, factory) != null) {
                // two registrations under one name would make the configuration ambiguous
                throw new IllegalStateException("two search strategies are named '" + name + "'");
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
