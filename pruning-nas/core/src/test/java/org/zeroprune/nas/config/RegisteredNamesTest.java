package org.zeroprune.nas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.SearchStrategies;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.spi.context.ProgressListener;

/**
 * The search strategies and budget kinds that {@code defaults.yaml} documents are the registered
 * ones, and a name that is not registered is refused with the registered names.
 */
class RegisteredNamesTest {
    private static final Pattern SEARCH_LINE = Pattern.compile("(?m)^  strategy: \\S+ +# (.+)$");
    private static final Pattern BUDGET_LINE = Pattern.compile("exactly one of ([a-z /]+?),");

    @Test
    void theDocumentedSearchStrategiesAreTheRegisteredOnes() throws IOException {
        List<String> documented = documented(SEARCH_LINE, "\\s*\\|\\s*");
        assertEquals(List.of("random", "evolutionary", "greedy", "uniform", "exhaustive", "hybrid"), documented);
        assertEquals(documented, SearchStrategies.names());
        for (String name : documented) {
            assertEquals(name, SearchStrategies.create(name).name());
        }
    }

    @Test
    void theDocumentedBudgetKindsAreTheRegisteredOnes() throws IOException {
        List<String> documented = documented(BUDGET_LINE, "\\s*/\\s*");
        assertEquals(List.of("flops", "params", "latency"), documented);
        assertEquals(documented, BudgetKind.keys());
        for (String key : documented) {
            PruneConfig c = ConfigLoader.load(Optional.empty(), Map.of("budget." + key, "0.5"));
            assertEquals(key, c.budgetKind().key());
            assertEquals(0.5, c.budgetRatio());
        }
    }

    @Test
    void theInjectedStrategiesAreTheRegisteredOnes() {
        PruneConfig config = ConfigLoader.load(Optional.empty(), Map.of());
        // the wiring alone is under test: no model is run
        ModelRuntime unused = (ModelRuntime) Proxy.newProxyInstance(ModelRuntime.class.getClassLoader(),
                new Class<?>[] {ModelRuntime.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        Map<String, SearchStrategy> searches = Guice.createInjector(new PruneModule(config, ProgressListener.NONE, unused))
                .getInstance(Key.get(new TypeLiteral<Map<String, SearchStrategy>>() { }));
        assertEquals(SearchStrategies.names(), List.copyOf(searches.keySet()));
        searches.forEach((name, strategy) -> assertEquals(name, strategy.name()));
    }

    @Test
    void anUnknownSearchStrategyIsRefusedWithTheRegisteredNames() {
        String names = String.join(", ", SearchStrategies.names());
        ConfigException loaded = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("search.strategy", "annealing")));
        assertTrue(loaded.getMessage().contains("key 'search.strategy' is 'annealing'; expected one of " + names),
                loaded.getMessage());
        ConfigException created = assertThrows(ConfigException.class, () -> SearchStrategies.create("annealing"));
        assertEquals("search strategy 'annealing' is unknown; expected one of " + names, created.getMessage());
    }

    @Test
    void anUnknownBudgetKindIsRefusedWithTheRegisteredKeys() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("budget.energy", "0.5")));
        List<String> known = new ArrayList<>(BudgetKind.keys());
        known.addAll(List.of("sequence-length", "latency-batch"));
        assertEquals("command line: unknown key 'budget.energy'; known keys in 'budget': "
                + String.join(", ", known.stream().sorted().toList()), e.getMessage());
        ConfigException none = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("budget.flops", "null")));
        assertTrue(none.getMessage().endsWith("expected exactly one of " + String.join(", ", BudgetKind.keys())),
                none.getMessage());
        assertEquals(Optional.empty(), BudgetKind.forKey("energy"));
        assertInstanceOf(BudgetKind.class, BudgetKind.forKey("latency").orElseThrow());
    }

    private static List<String> documented(Pattern line, String separator) throws IOException {
        String defaults;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = line.matcher(defaults);
        assertTrue(m.find(), "defaults.yaml has no line matching " + line);
        return Arrays.asList(m.group(1).strip().split(separator));
    }
}
