package org.zeroprune.strategies.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zeroprune.spi.testkit.fixture.BertFixture;
import org.zeroprune.spi.testkit.fixture.ExactForward;
import org.zeroprune.spi.testkit.fixture.ForwardContext;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.Capability;

/** Option checks of {@code synthetic-fidelity}, at creation and at preparation. */
class SyntheticOptionsTest {
    private static final BertFixture MODEL = SyntheticFidelityTest.MODEL;

    @ParameterizedTest
    @CsvSource({
        "sequences, 0, ''", "sequences, 5000, ''", "length, 2, ''", "sharpness, -1, ''", "sharpness, 65, ''",
        "rounds, 0, ''", "top-k, 0, ''", "tokens, zipf, ''",
        "sharpness, 4, uniform", "rounds, 2, embedding", "top-k, 8, uniform"})
    void refusesValuesOutOfRangeAndOptionsTheTokenModeIgnores(String key, String value, String tokens) {
        Map<String, String> options = tokens.isEmpty() ? Map.of(key, value) : Map.of(key, value, "tokens", tokens);
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> Strategies.create("synthetic-fidelity", options));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void needsAForwardPassAndSaysSo() {
        ScoringStrategy strategy = Strategies.create("synthetic-fidelity", Map.of());
        assertEquals(Set.of(Capability.FORWARD_PASS), strategy.requirements());
        ScoringException e = assertThrows(ScoringException.class,
                () -> strategy.prepare(MODEL, ForwardContext.without(MODEL, 0)));
        assertTrue(e.getMessage().contains("forward pass"), e.getMessage());
    }

    @Test
    void refusesSequencesLongerThanTheModelsPositions() {
        ScoringStrategy strategy = Strategies.create("synthetic-fidelity", Map.of("length", "17"));
        ScoringException e = assertThrows(ScoringException.class,
                () -> strategy.prepare(MODEL, ForwardContext.of(MODEL, 0, new ExactForward(MODEL))));
        assertTrue(e.getMessage().contains("16 positions"), e.getMessage());
    }

    @Test
    void embeddingModesNeedTheWordEmbeddingsUniformDoesNot() {
        BertFixture hidden = MODEL.withoutExtra(BertFixture.WORD_EMBEDDINGS);
        ForwardContext context = ForwardContext.of(MODEL, 0, new ExactForward(MODEL));
        for (String tokens : new String[] {"embedding", "self"}) {
            ScoringException e = assertThrows(ScoringException.class,
                    () -> Strategies.create("synthetic-fidelity", Map.of("tokens", tokens)).prepare(hidden, context));
            assertTrue(e.getMessage().contains(BertFixture.WORD_EMBEDDINGS), e.getMessage());
        }
        Strategies.create("synthetic-fidelity", Map.of("tokens", "uniform")).prepare(hidden, context);
    }
}
