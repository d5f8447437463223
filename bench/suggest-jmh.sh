#!/usr/bin/env bash
# JMH: one suggest lookup over N distinct past queries (default 1,000,000). About 2-4 minutes on 2 cores.
# Usage: bench/suggest-jmh.sh [N]   Figures: p50/p99/p99.9 in microseconds (Mode.SampleTime).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N=${1:-1000000}
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests install && ./mvnw -q -B -ntp -pl core dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)/bin/java}
[ -x "$JAVA" ] || JAVA=java
mkdir -p bench/out
"$JAVA" -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.cp)" org.openjdk.jmh.Main SuggestBenchmark \
  -p pastQueries="$N" -rf text -rff bench/out/suggest-jmh.txt | tee bench/out/suggest-jmh.log
