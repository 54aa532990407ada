package org.zeroprune.strategies.perturbation;

import java.util.Arrays;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.model.WeightView;

/**
 * The Gaussian model of a module's normalised input: every dimension {@code i} of the input
 * {@code x} is independent with mean {@code β_i} and standard deviation {@code |γ_i|}, where
 * {@code γ}, {@code β} are the parameters of the LayerNorm that produced {@code x}. (A LayerNorm
 * output is {@code γ ⊙ ẑ + β} with {@code ẑ} of zero mean and unit variance over the dimensions;
 * the model treats {@code ẑ} as standard normal.)
 *
 * @param mean {@code β}, one value per hidden dimension
 * @param std {@code |γ|}, one value per hidden dimension
 */
record GaussianInput(double[] mean, double[] std) {

    /** Checks the two vectors. */
    GaussianInput {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " dimensions, std " + std.length);
        }
    }

    /** The input a LayerNorm with scale {@code gamma} and shift {@code beta} produces. */
    static GaussianInput ofLayerNorm(WeightView gamma, WeightView beta, int hidden) {
        return new GaussianInput(vector(beta, hidden), Arrays.stream(vector(gamma, hidden)).map(Math::abs).toArray());
    }

    /** The standard normal input, for a module whose preceding LayerNorm the model does not show. */
    static GaussianInput standard(int hidden) {
        double[] ones = new double[hidden];
        Arrays.fill(ones, 1.0);
        return new GaussianInput(new double[hidden], ones);
    }

    /** Number of dimensions. */
    int dimensions() {
        return mean.length;
    }

    /** {@code E‖x‖² = Σ_i β_i² + γ_i²}: the expected energy of the residual stream at this point. */
    double energy() {
        double e = 0.0;
        for (int i = 0; i < mean.length; i++) {
            e += mean[i] * mean[i] + std[i] * std[i];
        }
        return e;
    }

    private static double[] vector(WeightView w, int hidden) {
        if (w.rows() * w.cols() != hidden) {
            throw new ScoringException("perturbation: LayerNorm parameter '" + w.name() + "' has " + w.rows() * w.cols()
                    + " values, the hidden size is " + hidden);
        }
        float[] values = new float[hidden];
        w.data().get(values);
        double[] out = new double[hidden];
        for (int i = 0; i < hidden; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
