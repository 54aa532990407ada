package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.spi.context.LabelledSample;

/**
 * A benchmark architecture with its ground truth, for α selection: quality = {@code scores.glue}.
 * Its model has the same weights as the architecture's model in the benchmark pass of the same run
 * seed ({@link WeightSeeds#architecture}).
 */
public final class LabelledArchitecture extends ArchitectureCandidate implements LabelledSample {
    private final BenchmarkRecord record;

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

    /** The benchmark record. */
    public BenchmarkRecord record() {
        return record;
    }

    @Override
    public double quality() {
        return record.glue();
    }
}
