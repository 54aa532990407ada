package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankAgreementTest {
    @Test
    void tauBAndRhoWithTies() {
        // x ties one pair; P = 8, Q = 1, T_x = 1, T_y = 0 over the 10 pairs:
        // tau-b = (8 - 1) / sqrt((8 + 1 + 1)(8 + 1)) = 7 / sqrt(90)
        double[] x = {1, 2, 2, 3, 4};
        double[] y = {1, 3, 2, 5, 4};
        RankAgreement r = RankAgreement.of(x, y);
        assertEquals(7 / Math.sqrt(90), r.kendallTau(), 1e-12);
        // ranks of x: 1, 2.5, 2.5, 4, 5; of y: 1, 3, 2, 5, 4
        double[] rx = {1, 2.5, 2.5, 4, 5};
        double[] ry = {1, 3, 2, 5, 4};
        assertEquals(pearson(rx, ry), r.spearmanRho(), 1e-12);
    }

    @Test
    void aConstantProxyHasNoCorrelation() {
        RankAgreement r = RankAgreement.of(new double[] {2, 2, 2}, new double[] {1, 2, 3});
        assertTrue(Double.isNaN(r.kendallTau()));
        assertTrue(Double.isNaN(r.spearmanRho()));
    }

    @Test
    void spreadIsTheSampleStandardDeviation() {
        Spread s = Spread.of(new double[] {1, 2, 3, Double.NaN});
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.sd(), 1e-12);
        assertEquals(3, s.count());
        assertEquals(0.0, Spread.of(new double[] {5}).sd());
    }

    private static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
