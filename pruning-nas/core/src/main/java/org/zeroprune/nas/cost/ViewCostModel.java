package org.zeroprune.nas.cost;

import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * The framework's cost model over any {@link ModelView}: per-layer {@link ModuleCost}s summed
 * over the kept head and neuron counts. Costs cover the encoder layers only; embeddings, pooler and
 * heads are not pruned and not counted.
 */
public final class ViewCostModel implements CostModel {
    private final ModuleCost[] attention;
    private final ModuleCost[] ffn;
    private final int sequenceLength;
    private final long denseMacs;
    private final long denseParams;

    /** Costs of {@code model}'s candidates at {@code sequenceLength} tokens. */
    public ViewCostModel(ModelView model, int sequenceLength) {
        int layers = model.layerCount();
        this.sequenceLength = sequenceLength;
        attention = new ModuleCost[layers];
        ffn = new ModuleCost[layers];
        long m = 0;
        long p = 0;
        for (int l = 0; l < layers; l++) {
            attention[l] = new ModuleCost(model.layer(l).attention(), sequenceLength);
            ffn[l] = new ModuleCost(model.layer(l).ffn(), sequenceLength);
            m += attention[l].macs(attention[l].units()) + ffn[l].macs(ffn[l].units());
            p += attention[l].params(attention[l].units()) + ffn[l].params(ffn[l].units());
        }
        denseMacs = m;
        denseParams = p;
    }

    /** The sequence length MACs are counted at. */
    public int sequenceLength() {
        return sequenceLength;
    }

    /** Number of layers. */
    public int layers() {
        return attention.length;
    }

    /** Attention costs of layer {@code layer}. */
    public ModuleCost attention(int layer) {
        return attention[layer];
    }

    /** FFN costs of layer {@code layer}. */
    public ModuleCost ffn(int layer) {
        return ffn[layer];
    }

    @Override
    public long macs(PruningMask mask) {
        long total = 0;
        for (int l = 0; l < attention.length; l++) {
            total += attention[l].macs(mask.heads(l).count()) + ffn[l].macs(mask.neurons(l).count());
        }
        return total;
    }

    @Override
    public long params(PruningMask mask) {
        long total = 0;
        for (int l = 0; l < attention.length; l++) {
            total += attention[l].params(mask.heads(l).count()) + ffn[l].params(mask.neurons(l).count());
        }
        return total;
    }

    @Override
    public long denseMacs() {
        return denseMacs;
    }

    @Override
    public long denseParams() {
        return denseParams;
    }
}
