package org.zeroprune.nas.reconstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration sequences split into a part to train on and a held-out part that decides when to stop
 * and whether the result beats the plain cut: every {@value #EVERY}-th sequence is held out (at least
 * {@value #MIN_HELD_OUT}, at most half, and at most {@value #MAX_HELD_OUT}: the held-out objective is measured
 * every few steps, so a larger part would cost more than it tells). Deterministic, so a run can be repeated.
 *
 * @param train sequences to train on
 * @param heldOut sequences that judge the training
 */
record CalibrationSplit(int[][] train, int[][] heldOut) {
    static final int EVERY = 8;
    static final int MIN_HELD_OUT = 8;
    static final int MAX_HELD_OUT = 256;

    static CalibrationSplit of(int[][] calibration) {
        if (calibration.length < 2) {
            throw new IllegalArgumentException("distillation needs at least 2 calibration sequences, got "
                    + calibration.length);
        }
        int heldOut = Math.min(MAX_HELD_OUT, Math.min(calibration.length / 2,
                Math.max(MIN_HELD_OUT, calibration.length / EVERY)));
        int stride = calibration.length / heldOut;
        List<int[]> train = new ArrayList<>();
        List<int[]> held = new ArrayList<>();
        for (int i = 0; i < calibration.length; i++) {
            (i % stride == stride - 1 && held.size() < heldOut ? held : train).add(calibration[i]);
        }
        return new CalibrationSplit(train.toArray(new int[0][]), held.toArray(new int[0][]));
    }
}
