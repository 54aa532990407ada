package org.zeroprune.plugin.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.FixtureWeight;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;

/** The shared memo returns the direct decomposition, keyed by the matrix's values and the kept set, within its bound. */
class SharedSpectraTest {

    @Test
    void returnsTheDirectSingularValuesOncePerMatrixAndKeptSet() {
        FixtureWeight w = randomMatrix(1);
        UnitSet kept = UnitSet.of(4, 0, 2, 3);
        double[] first = shared(w, kept);
        assertArrayEquals(MaskedSpectrum.singularValues(w, kept), first, 0.0);
        assertSame(first, shared(w, kept), "the second call is served from the memo");
        assertNotSame(first, shared(w, UnitSet.of(4, 0, 2)), "another kept set is another entry");
        FixtureWeight twin = new FixtureWeight("another name", w.role(), false, w.rows(), w.cols(), w.rowCut(),
                w.colCut(), w.values().clone(), true);
        assertSame(first, shared(twin, kept), "a rebuilt matrix with the same values is a hit");
        float[] changed = w.values().clone();
        changed[5] = Math.nextUp(changed[5]);
        FixtureWeight other = new FixtureWeight(w.name(), w.role(), false, w.rows(), w.cols(), w.rowCut(), w.colCut(),
                changed, true);
        double[] ofOther = shared(other, kept);
        assertNotSame(first, ofOther, "one value one ulp apart is another matrix");
        assertArrayEquals(MaskedSpectrum.singularValues(other, kept), ofOther, 0.0);
    }

    @Test
    void holdsAtMostItsCapacityOfSingularValuesDroppingTheLeastRecentlyUsed() {
        SharedSpectra memo = new SharedSpectra(30); // 3 singular values per matrix: 10 entries
        FixtureWeight often = randomMatrix(999);
        double[] ofOften = get(memo, often, UnitSet.all(4));
        double[] ofEarliest = get(memo, randomMatrix(1000), UnitSet.all(4));
        for (int i = 1; i < 100; i++) {
            get(memo, randomMatrix(1000 + i), UnitSet.all(4));
            assertSame(ofOften, get(memo, often, UnitSet.all(4)), "used after every insertion, so never the eldest");
            assertTrue(memo.held() <= 30, "held " + memo.held());
        }
        assertEquals(30, memo.held());
        double[] again = get(memo, randomMatrix(1000), UnitSet.all(4));
        assertNotSame(ofEarliest, again, "the earliest entry was dropped and is computed again");
        assertArrayEquals(ofEarliest, again, 0.0);
    }

    private static double[] shared(FixtureWeight w, UnitSet kept) {
        return SharedSpectra.singularValues(SharedSpectra.MatrixPrint.of(w), w, kept);
    }

    private static double[] get(SharedSpectra memo, FixtureWeight w, UnitSet kept) {
        return memo.get(SharedSpectra.MatrixPrint.of(w), w, kept);
    }

    // 4 units of 2 rows each, 3 columns
    private static FixtureWeight randomMatrix(long seed) {
        Random random = new Random(seed);
        float[] values = new float[8 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return FixtureWeight.matrix("m" + seed, WeightRole.QUERY, 8, 3, UnitCut.of(2), UnitCut.NONE, values);
    }
}
