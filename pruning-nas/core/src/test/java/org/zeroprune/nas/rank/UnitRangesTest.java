package org.zeroprune.nas.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.mask.UnitSet;

class UnitRangesTest {
    @Test
    void formatsRunsAndReadsThemBack() {
        assertEquals("0-2,5,7-9,19", UnitRanges.format(UnitSet.of(20, 0, 1, 2, 5, 7, 8, 9, 19)));
        assertEquals("", UnitRanges.format(UnitSet.none(7)));
        assertEquals("0-129", UnitRanges.format(UnitSet.all(130)));
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int size = 1 + random.nextInt(300);
            BitSet bits = new BitSet(size);
            for (int i = 0; i < size; i++) {
                if (random.nextInt(3) > 0) {
                    bits.set(i);
                }
            }
            UnitSet set = UnitSet.of(size, bits);
            assertEquals(set, UnitRanges.parse(UnitRanges.format(set), size));
        }
    }

    @Test
    void refusesMalformedOrOutOfRangeText() {
        assertThrows(IllegalArgumentException.class, () -> UnitRanges.parse("3-1", 10));
        assertThrows(IllegalArgumentException.class, () -> UnitRanges.parse("0-10", 10));
        assertThrows(IllegalArgumentException.class, () -> UnitRanges.parse("1-2-3", 10));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitRanges.parse("0-3,2", 10)).getMessage()
                .contains("unit 2 is listed twice in '0-3,2'"));
    }
}
