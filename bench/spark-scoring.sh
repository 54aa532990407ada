#!/usr/bin/env bash
# The spark engine's benchmark: one generation of candidates of a BERT-base-shaped random checkpoint,
# scored on this JVM's threads (1 and 2) and with --engine spark in local[1] and local[2]; prints the
# seconds per generation, the engine's overhead against the local run of the same work, the executors'
# one-off preparation, a projection for a cluster, and the load average before and after.
#
# Usage: bench/spark-scoring.sh [--candidates 64] [--repeats 3] [--strategy synthetic-fidelity] [--work DIR]
# Builds the spark module first (offline once Maven has its dependencies: MVN_OFFLINE=-o).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn ${MVN_OFFLINE:-} -q -B -DskipTests -pl spi,proxy-plugin,pruning-nas/cli,pruning-nas/spark -am package)
target="$root/pruning-nas/spark/target"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# in local mode the driver and the executor share one JVM, each with a BERT-base and scoring threads that
# come and go: glibc's default of 8 malloc arenas per core let it grow past 20 GB on this 24 GB machine
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# Spark's Java 17 flags, from the file the launcher uses too
exec java "@$root/pruning-nas/spark/spark-java17.args" -Xmx6g -Dai.djl.offline=true \
  -cp "$target/zeroprune-spark.jar:$target/lib/*:$target/spark-lib/*" \
  org.zeroprune.nas.spark.bench.SparkScoringBenchmark "$@"
