#!/usr/bin/env bash
# Runs the proxy-plugin scoring benchmark (JMH) from the repository root.
# Defaults: one fork, 3 warm-up and 5 measured iterations, each overridable; any arguments are
# passed on to JMH, e.g. a method regex or "frobenius -p layout=aligned-blocks -i 10 -r 3s".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

classpath_file="$root/proxy-plugin/target/jmh.classpath"
# one reactor run: spi resolves to its freshly compiled classes, nothing is installed
mvn -q -B -pl proxy-plugin -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

classpath="$root/proxy-plugin/target/test-classes:$root/proxy-plugin/target/classes:$(cat "$classpath_file")"
# defaults for the options the caller does not set (JMH refuses an option given twice)
defaults=()
for option in "-f 1" "-wi 3" "-i 5"; do
    name="${option%% *}"
    given=false
    for arg in "$@"; do
        if [[ "$arg" == "$name" ]]; then
            given=true
        fi
    done
    if [[ "$given" == false ]]; then
        defaults+=($option)
    fi
done

# the test classes hold one benchmark class, ScoringBenchmark; a regex argument selects among its methods
exec java -cp "$classpath" org.openjdk.jmh.Main "${defaults[@]}" "$@"
