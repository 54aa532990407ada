package org.zeroprune.nas.benchmark.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.ZeroPruneException;

/** {@code --rows} of {@code benchmark prune}. */
class PruneRowTest {

    @Test
    void rowsInTheOrderGiven() {
        assertEquals(List.of(PruneRow.EMBEDDED, PruneRow.BERT_BASE_PREVIOUS),
                PruneRow.parse("embedded, bert-base-previous"));
        // both recipes of each default path in one run by default
        assertEquals(List.of(PruneRow.BERT_BASE, PruneRow.BERT_BASE_PREVIOUS, PruneRow.EMBEDDED, PruneRow.EMBEDDED_PREVIOUS,
                PruneRow.ZEROLM), PruneRow.DEFAULT);
        assertTrue(PruneRow.BERT_BASE.defaultPath() && !PruneRow.ZEROLM.defaultPath() && !PruneRow.EMBEDDED.bertBase());
        assertTrue(PruneRow.EMBEDDED_PREVIOUS.previous() && PruneRow.EMBEDDED_PREVIOUS.defaultPath()
                && !PruneRow.EMBEDDED.previous());
    }

    @Test
    void anUnknownRowIsRefusedWithTheKnownOnes() {
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> PruneRow.parse("embedded,base"));
        assertTrue(e.getMessage().contains("'base'") && e.getMessage().contains(PruneRow.names()), e.getMessage());
    }
}
