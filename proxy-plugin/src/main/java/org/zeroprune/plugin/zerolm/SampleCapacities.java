package org.zeroprune.plugin.zerolm;

import org.zeroprune.plugin.spectral.SpectralStatistic;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.context.SampledCandidate;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * {@code S_attn} and {@code S_ffn} of sampled candidates, one at a time. A candidate over the
 * model being prepared reuses its table; any other model is read once, scored, and dropped, so no
 * sample's model outlives its evaluation.
 */
final class SampleCapacities {
    private final ModelView preparedModel;
    private final CapacityTable preparedTable;
    private final SpectralStatistic statistic;

    SampleCapacities(ModelView preparedModel, CapacityTable preparedTable, SpectralStatistic statistic) {
        this.preparedModel = preparedModel;
        this.preparedTable = preparedTable;
        this.statistic = statistic;
    }

    /**
     * Writes {@code S_attn} to {@code attention[index]} and {@code S_ffn} to {@code ffn[index]}.
     *
     * @param what names the candidate in error messages
     * @throws ScoringException if the candidate's mask does not fit its model
     */
    void evaluate(SampledCandidate candidate, String what, double[] attention, double[] ffn, int index) {
        ModelView model = candidate.model();
        PruningMask mask = candidate.mask();
        try {
            mask.checkFits(model);
        } catch (IllegalArgumentException e) {
            throw new ScoringException("zerolm: " + what + ": " + e.getMessage(), e);
        }
        CapacityTable table = model == preparedModel ? preparedTable : CapacityTables.forSample(model, statistic);
        attention[index] = table.attention(mask);
        ffn[index] = table.ffn(mask);
    }
}
