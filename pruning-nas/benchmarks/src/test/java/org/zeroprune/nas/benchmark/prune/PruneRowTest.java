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
        assertEquals(List.of(PruneRow.EMBEDDED, PruneRow.BERT_BASE_NO_RECONSTRUCT),
                PruneRow.parse("embedded, bert-base-no-reconstruct"));
        assertEquals(List.of(PruneRow.BERT_BASE, PruneRow.EMBEDDED, PruneRow.ZEROLM), PruneRow.DEFAULT);
        assertTrue(PruneRow.BERT_BASE.defaultPath() && !PruneRow.ZEROLM.defaultPath() && !PruneRow.EMBEDDED.bertBase());
    }

    @Test
    void anUnknownRowIsRefusedWithTheKnownOnes() {
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> PruneRow.parse("embedded,base"));
        assertTrue(e.getMessage().contains("'base'") && e.getMessage().contains(PruneRow.names()), e.getMessage());
    }
}
