package org.zeroprune.nas.cli;

import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --master} of {@code prune} and {@code evaluate}: where candidates are
 * scored, the configuration's {@code engine.name} and {@code engine.master}.
 */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "local|spark", description = "Where candidates are scored: local (this"
            + " JVM's threads) or spark (the executors of --master; needs the spark module: ZEROPRUNE_ENGINE=spark"
            + " ./zeroprune ...) (default: ${bundle:defaults.engine.name}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "The Spark master of --engine spark: local[N],"
            + " local[N,RETRIES], spark://HOST:PORT, yarn, k8s://HOST:PORT (default: ${bundle:defaults.engine.master}).")
    String master;

    Overrides addTo(Overrides overrides) {
        return overrides.put("engine.name", engine, "--engine").put("engine.master", master, "--master");
    }
}
