#!/usr/bin/env bash
# Deadline under load: 200 concurrent clients (wrk -c200), each search asking a provider that answers at once and
# one that never answers, with timeout_ms=500 (DEADLINE_MS). The breaker is kept from opening (a window far larger
# than the run), so every search waits its whole deadline: the worst case for "the answer leaves on time".
# Prints the share of answers within deadline + 20 ms and + 100 ms, p50 and p99 (bench/deadline.lua).
# Usage: bash bench/deadline-http.sh   (BENCH_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/deadline.jfr" to profile;
#        CLIENTS, DURATION, DEADLINE_MS to vary it; JAR=path to compare builds; installs wrk when missing)
source "$(dirname "$0")/lib.sh"
install_tools
cd "$ROOT"

JAR=${JAR:-$(build_jar)}
./mvnw -q -B -ntp -DskipTests install >/dev/null
CP="$ROOT/core/target/test-classes"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

"$JAVA" -cp "$CP" io.fedsearch.bench.BenchUpstream 18181 0 & PIDS+=($!)
"$JAVA" -cp "$CP" io.fedsearch.bench.BenchUpstream 18182 never & PIDS+=($!)

ARGS=(--server.port=18180 --spring.datasource.url="jdbc:h2:file:$OUT/deadline-data/fedsearch" --logging.file.name="$OUT/deadline-app.log"
      --fedsearch.resilience.window=100000 --fedsearch.resilience.minimum-calls=100000)
for spec in zero:18181 never:18182; do
  json_provider "${spec%%:*}" "http://127.0.0.1:${spec##*:}/search?q={query}&n={size}" timeout=10s max-concurrency=10000
done
ARGS+=(${BENCH_EXTRA_ARGS:-})

rm -rf "$OUT/deadline-data"
"$JAVA" -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$JAR" "${BENCH_APP_ARGS[@]}" "${ARGS[@]}" > "$OUT/deadline-app.stdout" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:18180/actuator/health/readiness" 120

URL="http://127.0.0.1:18180/api/v1/search?providers=zero,never"
export DEADLINE_MS=${DEADLINE_MS:-500}
C=${CLIENTS:-200}
echo "clients: $C, deadline: $DEADLINE_MS ms, duration: ${DURATION:-20s} after a 5 s warm-up"
wrk -t2 -c"$C" -d5s --timeout 10s -s "$ROOT/bench/deadline.lua" "$URL" >/dev/null 2>&1 || true
wrk -t2 -c"$C" -d"${DURATION:-20s}" --timeout 10s -s "$ROOT/bench/deadline.lua" "$URL" | tee "$OUT/deadline.wrk.txt" | tail -2
curl -s "http://127.0.0.1:18180/api/v1/search?providers=zero,never&timeout_ms=$DEADLINE_MS&q=last" \
  | grep -o '"provider":"never","status":"[a-z_]*"' || true
