package org.zeroprune.nas.reconstruct;

/**
 * The parameters {@link LayerwiseRefit} fits for one block, as {@code θ[parameter][output]}, and
 * their folding back into the output projection ({@code [hidden, width]}, row-major, HF layout):
 * either one factor per kept unit ({@code θ[unit][0]}), or the whole projection with its bias
 * ({@code θ[column][o]}, the bias in row {@code width}).
 */
final class RefitParameters {
    private RefitParameters() {
    }

    /** Every unit's factor 1: the block as cut. */
    static double[][] unitScales(int units) {
        double[][] theta = new double[units][1];
        for (double[] row : theta) {
            row[0] = 1.0;
        }
        return theta;
    }

    /** The projection {@code weight} and {@code bias} as they are. */
    static double[][] outputProjection(float[] weight, float[] bias, int hidden, int width) {
        double[][] theta = new double[width + 1][hidden];
        for (int o = 0; o < hidden; o++) {
            for (int c = 0; c < width; c++) {
                theta[c][o] = weight[o * width + c];
            }
            theta[width][o] = bias[o];
        }
        return theta;
    }

    /** {@code weight} with the columns of unit {@code u} ({@code group} of them) times {@code θ[u][0]}. */
    static float[] scaledWeight(float[] weight, double[][] theta, int hidden, int width, int group) {
        float[] out = new float[weight.length];
        for (int o = 0; o < hidden; o++) {
            for (int c = 0; c < width; c++) {
                out[o * width + c] = (float) (weight[o * width + c] * theta[c / group][0]);
            }
        }
        return out;
    }

    /** The fitted projection. */
    static float[] weight(double[][] theta, int hidden, int width) {
        float[] out = new float[hidden * width];
        for (int o = 0; o < hidden; o++) {
            for (int c = 0; c < width; c++) {
                out[o * width + c] = (float) theta[c][o];
            }
        }
        return out;
    }

    /** The fitted bias. */
    static float[] bias(double[][] theta, int hidden, int width) {
        float[] out = new float[hidden];
        for (int o = 0; o < hidden; o++) {
            out[o] = (float) theta[width][o];
        }
        return out;
    }
}
