package org.zeroprune.nas.spark;

import org.zeroprune.nas.engine.EngineConfig;
import org.zeroprune.nas.engine.EngineProvider;
import org.zeroprune.nas.engine.ScoringEngine;

/** Registers the engine {@code spark} ({@code engine.name: spark}, {@code --engine spark}). */
public final class SparkEngineProvider implements EngineProvider {
    /** Its name in {@code engine.name}. */
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScoringEngine open(EngineConfig config) {
        SparkContexts context = SparkContexts.start(config);
        return new SparkEngine(context, config.sharedFiles(context.spark().master()));
    }
}
