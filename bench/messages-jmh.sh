#!/usr/bin/env bash
# JMH: substring search over 1,000,000 generated messages, index vs plain scan (p50/p99 per query), then build time
# and heap used after the build. About 6 minutes on 2 cores. Figures go to docs/bench-messages.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests install
./mvnw -q -B -ntp -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/messages-cp.txt" >/dev/null
# The JDK 25 the toolchain compiles with (override with JAVA=...).
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"
CP="$ROOT/core/target/test-classes:$ROOT/core/target/classes:$(cat "$OUT/messages-cp.txt")"

echo "== footprint (build time, heap used after GC with the index alone)"
"$JAVA" -Xmx3g -cp "$CP" io.fedsearch.provider.messages.MessagesIndexBenchmark | tee "$OUT/messages-footprint.txt"

echo "== JMH"
# Arguments replace the default selection, e.g. 'MessagesIndexBenchmark.index' for the index alone.
"$JAVA" -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT/messages-jmh.json" \
  "${@:-io.fedsearch.provider.messages.MessagesIndexBenchmark}" | tee "$OUT/messages-jmh.txt"
