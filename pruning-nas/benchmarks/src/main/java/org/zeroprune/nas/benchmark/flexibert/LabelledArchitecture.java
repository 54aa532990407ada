package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.model.ModelView;

/**
 * A benchmark architecture with its ground truth, for α selection: quality = {@code scores.glue}.
 * Its model has the same weights as the architecture's model in the benchmark pass of the same run
 * seed ({@link WeightSeeds#architecture}).
 *
 * <p>Unlike a sampled candidate, its model is built once, on first use, and kept: every strategy
 * that fits α reads all of a seed's labelled architectures, and the pass scores them too, so
 * rebuilding each time drew the same weights again and again. The seed's pass holds the labelled
 * architectures only while it runs. Thread-safe.
 */
public final class LabelledArchitecture extends ArchitectureCandidate implements LabelledSample {
    private final BenchmarkRecord record;
    private volatile ModelView model;

    /**
     * @param record the benchmark record
     * @param runSeed the run seed its weights derive from
     * @param sequenceLength tokens per sequence of the cost model
     */
    public LabelledArchitecture(BenchmarkRecord record, long runSeed, int sequenceLength) {
        super(FlexiBertBenchmark.modelName(record), record.architecture(),
                WeightSeeds.architecture(runSeed, record.id()), sequenceLength);
        this.record = record;
    }

    /** The model, built on the first call and the same object on every later one. */
    @Override
    public ModelView model() {
        ModelView built = model;
        if (built == null) {
            synchronized (this) {
                built = model;
                if (built == null) {
                    built = super.model();
                    model = built;
                }
            }
        }
        return built;
    }

    /** The benchmark record. */
    public BenchmarkRecord record() {
        return record;
    }

    @Override
    public double quality() {
        return record.glue();
    }
}
