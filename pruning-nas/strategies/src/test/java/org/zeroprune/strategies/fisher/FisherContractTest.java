package org.zeroprune.strategies.fisher;

import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.testkit.ScoringStrategyContract;
import org.zeroprune.spi.testkit.fixture.BertFixture;
import org.zeroprune.spi.testkit.fixture.ExactForward;
import org.zeroprune.spi.testkit.fixture.RecordingForward;

/**
 * {@code fisher} keeps the SPI's promises (the test kit's contract). The kit's exact forward pass
 * has no gradients, so the mask Fisher information here is a fixed table of the model's shape.
 */
class FisherContractTest extends ScoringStrategyContract {
    @Override
    protected String strategyName() {
        return "fisher";
    }

    @Override
    protected MaskedForward forward(ModelView model) {
        double[][] heads = new double[model.layerCount()][];
        double[][] neurons = new double[model.layerCount()][];
        for (int l = 0; l < model.layerCount(); l++) {
            heads[l] = table(model.layer(l).attention().unitCount(), l);
            neurons[l] = table(model.layer(l).ffn().unitCount(), l + 0.5);
        }
        return new RecordingForward(new ExactForward((BertFixture) model), new MaskFisher(heads, neurons, 12));
    }

    private static double[] table(int units, double salt) {
        double[] out = new double[units];
        for (int i = 0; i < units; i++) {
            out[i] = 1 + Math.abs(Math.sin(7.0 * i + salt));
        }
        return out;
    }
}
