package org.zeroprune.plugin.zerolm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.InvalidOptionException;

/** Unknown keys, unparsable values and values out of range are refused with clear messages. */
class ZeroLmOptionsTest {

    private static String refused(Map<String, String> options) {
        return assertThrows(InvalidOptionException.class, () -> Strategies.create("zerolm", options)).getMessage();
    }

    @Test
    void unknownKey() {
        String m = refused(Map.of("alpah", "0.3"));
        assertTrue(m.contains("alpah") && m.contains("alpha-selection"), m);
    }

    @Test
    void badValues() {
        assertTrue(refused(Map.of("alpha", "abc")).contains("finite number"));
        assertTrue(refused(Map.of("statistic", "spectral")).contains("stable-rank"));
        assertTrue(refused(Map.of("alpha-selection", "best")).contains("benchmark-sampling"));
        assertTrue(refused(Map.of("sample-size", "1.5")).contains("integer"));
    }

    @Test
    void outOfRange() {
        String alpha = refused(Map.of("alpha-selection", "fixed", "alpha", "11"));
        assertTrue(alpha.contains("alpha") && alpha.contains("10"), alpha);
        assertTrue(refused(Map.of("sample-size", "1")).contains("sample-size"));
        assertTrue(refused(Map.of("cache-size", "-1")).contains("cache-size"));
    }

    @Test
    void alphaThatWouldBeIgnored() {
        String m = refused(Map.of("alpha", "0.3"));
        assertTrue(m.contains("alpha-selection=fixed"), m);
    }

    @Test
    void acceptedCombinations() {
        assertDoesNotThrow(() -> Strategies.create("zerolm", Map.of("alpha-selection", "fixed", "alpha", "-1.25")));
        assertDoesNotThrow(() -> Strategies.create("zerolm",
                Map.of("alpha-selection", "benchmark-sampling", "statistic", "effective-rank", "sample-size", "2",
                        "seed", "-9", "cache-size", "0")));
    }
}
