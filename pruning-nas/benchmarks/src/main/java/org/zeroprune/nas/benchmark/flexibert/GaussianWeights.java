package org.zeroprune.nas.benchmark.flexibert;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.zeroprune.nas.model.TensorWeightView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Random initialisation as HuggingFace does it: every matrix entry drawn from {@code N(0, std²)},
 * vectors constant (biases 0, LayerNorm γ = 1, β = 0). One {@link SplittableRandom} per
 * architecture draws the matrices in the order they are requested, so the same seed gives the same
 * weights. {@link SplittableRandom#nextGaussian()} is the JDK's ziggurat sampler (about 8 ns per
 * value), which matters here: one benchmark pass draws about 1.7 billion values. Not thread-safe;
 * use one factory per architecture.
 */
public final class GaussianWeights implements WeightFactory {
    private final SplittableRandom random;
    private final double std;

    /**
     * @param seed the architecture's weight seed (see {@link WeightSeeds})
     * @param std standard deviation of the matrix entries
     */
    public GaussianWeights(long seed, double std) {
        this.random = new SplittableRandom(seed);
        this.std = std;
    }

    @Override
    public WeightView matrix(String name, WeightRole role, int rows, int cols, UnitCut rowCut, UnitCut colCut) {
        float[] values = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return TensorWeightView.matrix(name, role, rows, cols, rowCut, colCut, FloatBuffer.wrap(values));
    }

    @Override
    public WeightView vector(String name, WeightRole role, boolean bias, int length, UnitCut cut, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return TensorWeightView.vector(name, role, bias, length, cut, FloatBuffer.wrap(values));
    }
}
