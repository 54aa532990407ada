package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.model.ModelView;

/**
 * The baseline every architecture proxy must beat on FlexiBERT: score = the number of encoder
 * layers (τ 0.68 in the literature). Many architectures tie.
 */
public final class LayerCountStrategy implements ScoringStrategy {
    /** Its label. */
    public static final String LABEL = "layers";

    @Override
    public CandidateScorer prepare(ModelView model, ScoringContext context) {
        int layers = model.layerCount();
        return mask -> layers;
    }
}
