#!/usr/bin/env bash
# Fan-out benchmark: wrk against GET /api/v1/search with three local providers answering in 0 ms, in 50 ms,
# and never; beside nginx serving a static JSON answer of the same size, same wrk settings, same run.
# Usage: bash bench/search-http.sh      (installs wrk and nginx-light when missing; needs root for apt-get)
source "$(dirname "$0")/lib.sh"
install_tools
cd "$ROOT"

JAR=$(build_jar)
./mvnw -q -B -ntp -DskipTests install >/dev/null
CP="$ROOT/core/target/test-classes"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; stop_nginx 18090; }
trap cleanup EXIT

"$JAVA" -cp "$CP" io.fedsearch.bench.BenchUpstream 18081 0 & PIDS+=($!)
"$JAVA" -cp "$CP" io.fedsearch.bench.BenchUpstream 18082 50 & PIDS+=($!)
"$JAVA" -cp "$CP" io.fedsearch.bench.BenchUpstream 18083 never & PIDS+=($!)

ARGS=(--server.port=18080 --spring.datasource.url="jdbc:h2:file:$OUT/bench-data/fedsearch" --logging.file.name="$OUT/app.log"
      --logging.level.fedsearch.request=WARN)
for spec in zero:18081 fifty:18082 never:18083; do
  json_provider "${spec%%:*}" "http://127.0.0.1:${spec##*:}/search?q={query}&n={size}" timeout=1s
done
# BENCH_EXTRA_ARGS: more app arguments (e.g. to switch bundled default providers off for a clean figure).
ARGS+=(${BENCH_EXTRA_ARGS:-})

rm -rf "$OUT/bench-data"
START=$(date +%s%N)
"$JAVA" -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$JAR" "${BENCH_APP_ARGS[@]}" "${ARGS[@]}" > "$OUT/app.stdout" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:18080/actuator/health/readiness" 120
READY_MS=$(( ($(date +%s%N) - START) / 1000000 ))
STARTED=$(grep -o 'Started FedsearchApplication in [0-9.]* seconds' "$OUT/app.stdout" "$OUT/app.log" 2>/dev/null | head -1 | grep -o '[0-9.]* seconds')

URL="http://127.0.0.1:18080/api/v1/search?providers=zero,fifty,never"
curl -s "$URL&q=sample" > "$OUT/search-sample.json"
start_nginx_static 18090 "$OUT/search-sample.json"

echo "start-up: ${READY_MS} ms to readiness (Spring: ${STARTED:-n/a})"
echo "answer size: $(wc -c < "$OUT/search-sample.json") bytes"
echo "| run | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
run_wrk search-3-providers "$URL" "$ROOT/bench/unique-query.lua"
run_wrk nginx-static "http://127.0.0.1:18090/static.json"
curl -s "http://127.0.0.1:18080/api/v1/providers" > "$OUT/providers-after.json"
echo "providers after the run: $(tr -d '\n' < "$OUT/providers-after.json" | head -c 600)"
