package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.spi.context.SampledCandidate;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * An architecture offered to a strategy as a candidate: its own model with a dense mask. The
 * model is built on every call to {@link #model()} (weights from {@code N(0, 0.02²)} with the
 * candidate's weight seed, so every build is identical) and not kept, so that a list of candidates
 * costs no memory until it is used. The mask and the parameter count come from a shapes-only build.
 */
public class ArchitectureCandidate implements SampledCandidate {
    private final String name;
    private final Architecture architecture;
    private final long weightSeed;
    private final PruningMask mask;
    private final long parameterCount;

    /**
     * @param name the model's name
     * @param architecture the architecture
     * @param weightSeed the seed of its weights
     * @param sequenceLength tokens per sequence of the cost model
     */
    public ArchitectureCandidate(String name, Architecture architecture, long weightSeed, int sequenceLength) {
        this.name = name;
        this.architecture = architecture;
        this.weightSeed = weightSeed;
        ModelView shapes = ArchitectureModelBuilder.shapesOnly(name, architecture);
        this.mask = PruningMask.dense(shapes);
        this.parameterCount = new ViewCostModel(shapes, sequenceLength).denseParams();
    }

    /** The architecture. */
    public Architecture architecture() {
        return architecture;
    }

    @Override
    public ModelView model() {
        return ArchitectureModelBuilder.withGaussianWeights(name, architecture, weightSeed);
    }

    @Override
    public PruningMask mask() {
        return mask;
    }

    @Override
    public long parameterCount() {
        return parameterCount;
    }

    @Override
    public String toString() {
        return name;
    }
}
