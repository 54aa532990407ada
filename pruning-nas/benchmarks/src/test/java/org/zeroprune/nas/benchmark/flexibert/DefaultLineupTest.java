package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultLineupTest {

    @Test
    void theShippedLineupReproducesZeroLmWithItsStatisticsAndTheBaselines() {
        DefaultLineup lineup = DefaultLineup.load();
        assertEquals(List.of("zerolm:alpha-selection=benchmark-sampling", "zerolm:alpha-selection=self-parameter-correlation",
                "zerolm:alpha-selection=benchmark-sampling,statistic=*", "params", "flops", "magnitude", "layers", "variants"),
                lineup.specs());
        assertEquals(Set.of("statistic"), lineup.slowOptions());
        assertEquals(Optional.of("zerolm:alpha-selection=benchmark-sampling"), lineup.published());
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndUnknownEntriesRefused() {
        DefaultLineup lineup = DefaultLineup.parse("# a comment\n\nspec params\nslow depth\n");
        assertEquals(List.of("params"), lineup.specs());
        assertEquals(Optional.empty(), lineup.published());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DefaultLineup.parse("run params\n"));
        assertTrue(e.getMessage().contains("run params"), e.getMessage());
    }
}
