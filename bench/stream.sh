#!/usr/bin/env bash
# Streaming benchmark: 50 concurrent clients of GET /api/v1/search/stream against 50 of GET /api/v1/search, same
# provider (a local one answering in 0 ms), in alternating windows of one run (StreamBench: wrk cannot read SSE).
# Reports requests/s per mode, the time to the first event and to the whole answer, and the throughput cost.
# Usage: bash bench/stream.sh        (CLIENTS=50 WINDOW_SECONDS=10 ROUNDS=3 PACED_RATE=4 to change the run)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

JAR=$(build_jar)
./mvnw -q -B -ntp -DskipTests install >/dev/null
CP="$ROOT/core/target/test-classes"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

"$JAVA" -cp "$CP" io.fedsearch.bench.BenchUpstream 18181 0 & PIDS+=($!)
ARGS=(--server.port=18180 --spring.datasource.url="jdbc:h2:file:$OUT/stream-data/fedsearch"
      --logging.file.name="$OUT/stream-app.log" --logging.level.fedsearch.request=WARN)
json_provider zero "http://127.0.0.1:18181/search?q={query}&n={size}" timeout=1s
rm -rf "$OUT/stream-data"
"$JAVA" -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$JAR" "${BENCH_APP_ARGS[@]}" "${ARGS[@]}" > "$OUT/stream-app.stdout" 2>&1 & PIDS+=($!)
export APP_PID=$!   # StreamBench reads the app's CPU time from /proc/$APP_PID/stat: CPU per request resists other load
wait_http "http://127.0.0.1:18180/actuator/health/readiness" 120

"$JAVA" -cp "$CP" io.fedsearch.bench.StreamBench http://127.0.0.1:18180 zero "${CLIENTS:-50}" "${WINDOW_SECONDS:-10}" "${ROUNDS:-3}" \
  | tee "$OUT/stream-bench.md"
# The same clients paced below saturation (PACED_RATE requests/s each): time to the first event when the machine
# is not the bottleneck. Closed-loop latency at saturation is queueing (Little's law: clients / throughput).
echo
echo "paced: ${CLIENTS:-50} clients x ${PACED_RATE:-4} requests/s each"
"$JAVA" -cp "$CP" io.fedsearch.bench.StreamBench http://127.0.0.1:18180 zero "${CLIENTS:-50}" "${WINDOW_SECONDS:-10}" 2 "${PACED_RATE:-4}" \
  | tee "$OUT/stream-bench-paced.md"
