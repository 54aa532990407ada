package org.zeroprune.nas.reconstruct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The damped fit recovers a linear map that holds on held-out rows, and refuses one that does not. */
class DampedLeastSquaresTest {
    private static final int P = 6;
    private static final int Q = 3;

    @Test
    void recoversAMapThatGeneralises() {
        Random random = new Random(1);
        double[][] truth = matrix(random, P, Q);
        DampedLeastSquares.Part fitting = part(random, truth, 400, 0.01);
        DampedLeastSquares.Part heldOut = part(random, truth, 100, 0.01);
        DampedLeastSquares.Fit fit = DampedLeastSquares.fit(fitting.plus(heldOut, 1), heldOut, new double[P][Q], t -> true);
        assertTrue(fit.fitted());
        assertEquals(1e-3, fit.damping(), 0.0, "the lightest damping fits noise-free data best");
        assertTrue(fit.after() < fit.before() * 1e-2, fit.toString());
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < Q; j++) {
                assertEquals(truth[i][j], fit.theta()[i][j], 0.02, "theta[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void keepsTheStartWhenTheFitDoesNotHoldOnHeldOutRows() {
        Random random = new Random(2);
        double[][] start = matrix(random, P, Q);
        DampedLeastSquares.Part fitting = part(random, matrix(random, P, Q), 60, 0.0);
        // the held-out rows follow the starting map, not the one the fitting rows follow
        DampedLeastSquares.Part heldOut = part(random, start, 60, 0.0);
        DampedLeastSquares.Fit fit = DampedLeastSquares.fit(fitting.plus(heldOut, 1), heldOut, start, t -> true);
        assertFalse(fit.fitted());
        assertEquals(fit.before(), fit.after());
        assertEquals(start[0][0], fit.theta()[0][0]);
    }

    @Test
    void refusesInadmissibleFits() {
        Random random = new Random(3);
        DampedLeastSquares.Part fitting = part(random, matrix(random, P, Q), 200, 0.0);
        DampedLeastSquares.Part heldOut = part(random, matrix(random, P, Q), 50, 0.0);
        DampedLeastSquares.Fit fit = DampedLeastSquares.fit(fitting.plus(heldOut, 1), heldOut, new double[P][Q], t -> false);
        assertFalse(fit.fitted());
        assertTrue(Double.isNaN(fit.damping()));
    }

    private static DampedLeastSquares.Part part(Random random, double[][] map, int rows, double noise) {
        DampedLeastSquares.Part part = new DampedLeastSquares.Part(P, Q);
        float[] g = new float[P * P];
        float[] r = new float[P * Q];
        double squares = 0;
        for (int n = 0; n < rows; n++) {
            double[] z = new double[P];
            for (int i = 0; i < P; i++) {
                z[i] = random.nextGaussian();
            }
            for (int j = 0; j < Q; j++) {
                double t = noise * random.nextGaussian();
                for (int i = 0; i < P; i++) {
                    t += z[i] * map[i][j];
                }
                squares += t * t;
                for (int i = 0; i < P; i++) {
                    r[i * Q + j] += (float) (z[i] * t);
                }
            }
            for (int i = 0; i < P; i++) {
                for (int k = 0; k < P; k++) {
                    g[i * P + k] += (float) (z[i] * z[k]);
                }
            }
        }
        part.add(g, r, squares);
        return part;
    }

    private static double[][] matrix(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }
}
