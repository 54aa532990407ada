package org.zeroprune.strategies.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/** The closed forms agree with sampling the Gaussian input model, and the GELU moment with integration. */
class EnergyModelTest {
    private static final int HIDDEN = 6;

    @ParameterizedTest
    @CsvSource({"0, 1", "1.5, 0.2", "-2, 3", "0.3, 0", "4, 8", "-6, 0.5", "7.5, 0.01", "-30, 4", "20, 0.3", "0, 40"})
    void geluSecondMomentMatchesNumericalIntegration(double mean, double std) {
        double expected = PerturbationDefinition.geluSquaredByTrapezoid(mean, std);
        assertEquals(expected, GeluMoments.secondMoment(mean, std), 1e-8 * Math.max(1e-6, expected));
    }

    @Test
    void headAndNeuronEnergiesAreTheExpectedSquaredContributionsUnderTheInputModel() {
        SplittableRandom random = new SplittableRandom(12);
        RandomModels models = new RandomModels(random, 0.5);
        ModuleView attention = models.selfAttention(0, HIDDEN, 2, 3, false);
        ModuleView ffn = models.feedForward(0, HIDDEN, 3, 1);
        double[] mean = new double[HIDDEN];
        double[] std = new double[HIDDEN];
        for (int i = 0; i < HIDDEN; i++) {
            mean[i] = random.nextGaussian() * 0.5;
            std[i] = 0.5 + random.nextDouble();
        }
        GaussianInput input = new GaussianInput(mean, std);
        double[] heads = HeadEnergies.of(attention, input, 1.0, "test");
        double[] neurons = NeuronEnergies.of(ffn, input, "test");
        WeightView v = matrix(attention, WeightRole.VALUE);
        WeightView vb = bias(attention, WeightRole.VALUE);
        WeightView o = matrix(attention, WeightRole.ATTENTION_OUTPUT);
        WeightView in = matrix(ffn, WeightRole.FFN_INPUT);
        WeightView inb = bias(ffn, WeightRole.FFN_INPUT);
        WeightView out = matrix(ffn, WeightRole.FFN_OUTPUT);
        int samples = 200_000;
        double[] headSum = new double[2];
        double[] neuronSum = new double[3];
        double[] x = new double[HIDDEN];
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < HIDDEN; i++) {
                x[i] = mean[i] + std[i] * random.nextGaussian();
            }
            for (int h = 0; h < 2; h++) {
                double[] c = new double[HIDDEN];
                for (int a = 3 * h; a < 3 * h + 3; a++) {
                    double value = vb.get(a, 0);
                    for (int i = 0; i < HIDDEN; i++) {
                        value += v.get(a, i) * x[i];
                    }
                    for (int k = 0; k < HIDDEN; k++) {
                        c[k] += o.get(k, a) * value;
                    }
                }
                headSum[h] += squaredNorm(c);
            }
            for (int j = 0; j < 3; j++) {
                double u = inb.get(j, 0);
                for (int i = 0; i < HIDDEN; i++) {
                    u += in.get(j, i) * x[i];
                }
                double g = GeluMoments.gelu(u);
                double[] c = new double[HIDDEN];
                for (int k = 0; k < HIDDEN; k++) {
                    c[k] = out.get(k, j) * g;
                }
                neuronSum[j] += squaredNorm(c);
            }
        }
        for (int h = 0; h < 2; h++) {
            assertEquals(heads[h], headSum[h] / samples, 0.02 * heads[h], "head " + h);
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(neurons[j], neuronSum[j] / samples, 0.02 * neurons[j], "neuron " + j);
        }
    }

    @Test
    void theAttendedVarianceScalesOnlyTheVariancePart() {
        RandomModels models = new RandomModels(new SplittableRandom(2), 0.5);
        ModuleView attention = models.selfAttention(0, HIDDEN, 2, 3, false);
        GaussianInput input = GaussianInput.standard(HIDDEN);
        double[] none = HeadEnergies.of(attention, input, 0.0, "test");
        double[] half = HeadEnergies.of(attention, input, 0.5, "test");
        double[] full = HeadEnergies.of(attention, input, 1.0, "test");
        for (int h = 0; h < 2; h++) {
            assertEquals(half[h], (none[h] + full[h]) / 2, 1e-12);
        }
        assertEquals(2 * HIDDEN, input.energy() * 2, 1e-12);
    }

    private static double squaredNorm(double[] c) {
        double s = 0;
        for (double v : c) {
            s += v * v;
        }
        return s;
    }

    private static WeightView matrix(ModuleView m, WeightRole role) {
        return m.matrices().stream().filter(w -> w.role() == role).findFirst().orElseThrow();
    }

    private static WeightView bias(ModuleView m, WeightRole role) {
        return m.weights().stream().filter(w -> w.role() == role && w.isBias()).findFirst().orElseThrow();
    }
}
