#!/usr/bin/env bash
# History benchmarks (docs/bench-history.md). Usage: bench/history.sh [write|http|fill|export|results|all]
#   write   sustained write rate through QueryLog on H2 and on PostgreSQL (100k queries x 10 results each)
#   http    search throughput with recording on vs off (feature flag history), plus an nginx static ceiling
#   fill    an H2 file database with 1M queries x 3 results over 10 days (bench/out/h2big), for export/results
#   export  GET /api/v1/queries/export of all 1M queries with -Xmx256m: time, bytes, peak heap
#   results GET /api/v1/results with filters on the filled database: p50/p99 (wrk, 4 connections)
source "$(dirname "$0")/lib.sh"

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
APP_PORT=${APP_PORT:-18431}
UP_PORT=${UP_PORT:-18432}
REF_PORT=${REF_PORT:-18433}

test_classpath() {
  (cd "$ROOT" && ./mvnw -q -B -ntp test-compile \
     && ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test) >/dev/null
  echo "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/test-classpath.txt")"
}

write_rate() {
  local cp; cp=$(test_classpath)
  rm -rf "$OUT/h2w"
  "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench h2 "$OUT/h2w/fedsearch" 100000 10 10 4 2>&1 | grep -E '^h2'
  "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench postgres 100000 10 10 4 2>&1 | grep -E '^postgres'
}

fill() {
  local cp; cp=$(test_classpath)
  rm -rf "$OUT/h2big"
  "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench h2 "$OUT/h2big/fedsearch" 1000000 3 10 4 2>&1 | grep -E '^h2'
}

# start_app DB_URL JVM_OPTS [ARGS...]: the jar on APP_PORT, pid in $APP_PID.
start_app() {
  local url=$1 opts=$2; shift 2
  # shellcheck disable=SC2086
  "$JAVA" $opts -jar "$JAR" --server.port="$APP_PORT" --spring.datasource.url="$url" --logging.level.root=WARN \
    --logging.level.fedsearch.request=WARN "$@" > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  wait_http "http://127.0.0.1:$APP_PORT/actuator/health" 120
}

stop_app() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; }

http() {
  install_tools
  JAR=$(build_jar)
  # The upstream: nginx serving one JSON search answer of 3 results.
  cat > "$OUT/upstream.json" <<'JSON'
{"total":42,"items":[{"id":"r1","title":"Result 1","url":"https://example.org/1","authors":["Ada Lovelace","Alan Turing"],"journal":"Journal of Tests"},{"id":"r2","title":"Result 2","url":"https://example.org/2","authors":["Ada Lovelace"],"journal":"Journal of Tests"},{"id":"r3","title":"Result 3","url":"https://example.org/3","authors":["Alan Turing"],"journal":"Journal of Tests"}]}
JSON
  start_nginx_static "$UP_PORT" "$OUT/upstream.json"
  local provider=(--fedsearch.providers.docs.type=json
    "--fedsearch.providers.docs.url=http://127.0.0.1:$UP_PORT/static.json?q={query}"
    --fedsearch.providers.docs.results-path=/items --fedsearch.providers.docs.total-path=/total
    --fedsearch.providers.docs.fields.title=/title --fedsearch.providers.docs.fields.url=/url
    --fedsearch.providers.docs.fields.id=/id --fedsearch.providers.docs.fields.authors=/authors
    --fedsearch.providers.docs.max-concurrency=1000)
  local url="http://127.0.0.1:$APP_PORT/api/v1/search?q=federated"
  echo "| run | requests/s | p50 | p99 |"
  echo "| --- | --- | --- | --- |"
  rm -rf "$OUT/h2http"
  start_app "jdbc:h2:file:$OUT/h2http/on" "-Xmx512m" "${provider[@]}"
  curl -s "$url" > "$OUT/search-answer.json"
  start_nginx_static "$REF_PORT" "$OUT/search-answer.json"
  run_wrk "nginx-static-same-size" "http://127.0.0.1:$REF_PORT/static.json"
  stop_nginx "$REF_PORT"
  run_wrk "search-history-on" "$url"
  local written; written=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.written" | grep -o '"value":[0-9.E]*')
  local sync; sync=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.sync.writes" | grep -o '"value":[0-9.E]*')
  echo "(history on: written $written, request-side writes $sync)"
  stop_app
  start_app "jdbc:h2:file:$OUT/h2http/off" "-Xmx512m" "${provider[@]}" --fedsearch.flags.history=false
  run_wrk "search-history-off" "$url"
  stop_app
  stop_nginx "$UP_PORT"
}

# max_heap_while PID: polls the app's used heap every 0.5 s until PID ends; prints the peak in MiB.
max_heap_while() {
  local pid=$1 max=0 v
  while kill -0 "$pid" 2>/dev/null; do
    v=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/jvm.memory.used?tag=area:heap" | grep -o '"value":[0-9.E+]*' | cut -d: -f2)
    v=$(awk -v x="${v:-0}" 'BEGIN{printf "%d", x/1048576}')
    [ "$v" -gt "$max" ] && max=$v
    sleep 0.5
  done
  echo "$max"
}

export_run() {
  JAR=$(build_jar)
  start_app "jdbc:h2:file:$OUT/h2big/fedsearch" "-Xmx256m"
  local now; now=$(date +%s)
  local start=$SECONDS
  curl -s -o "$OUT/export.json" -w '%{http_code} %{size_download} bytes %{time_total} s\n' \
    "http://127.0.0.1:$APP_PORT/api/v1/queries/export?from=0&to=$now" > "$OUT/export.curl" &
  local curl_pid=$!
  local peak; peak=$(max_heap_while $curl_pid)
  echo "export: $(cat "$OUT/export.curl"), peak heap used $peak MiB (-Xmx256m)"
  echo "records in file: $(grep -o '"query_id"' "$OUT/export.json" | wc -l)"
  stop_app
}

results_run() {
  install_tools
  JAR=$(build_jar)
  start_app "jdbc:h2:file:$OUT/h2big/fedsearch" "-Xmx512m"
  local now; now=$(date +%s) base="http://127.0.0.1:$APP_PORT/api/v1/results"
  local qid; qid=$(curl -s "http://127.0.0.1:$APP_PORT/api/v1/queries?limit=1" | grep -o '"query_id":[0-9]*' | head -1 | cut -d: -f2)
  echo "rows: $(curl -s "$base?from=0&to=$now&size=1" | grep -o '"total":[0-9]*')"
  echo "| query | requests/s | p50 | p99 |"
  echo "| --- | --- | --- | --- |"
  WRK_CONNECTIONS=4 WRK_DURATION=10s run_wrk "by-query-id" "$base?query_id=$qid"
  WRK_CONNECTIONS=4 WRK_DURATION=10s run_wrk "last-24h-page-1" "$base"
  WRK_CONNECTIONS=4 WRK_DURATION=10s run_wrk "provider-last-1h" "$base?provider=docs&from=$((now - 3600))&to=$now"
  WRK_CONNECTIONS=4 WRK_DURATION=10s run_wrk "author-substring-last-1h" "$base?author=author%2042&from=$((now - 3600))&to=$now"
  WRK_CONNECTIONS=4 WRK_DURATION=10s run_wrk "author-substring-last-24h" "$base?author=author%2042"
  WRK_CONNECTIONS=2 WRK_DURATION=10s run_wrk "title-substring-all-time" "$base?title=topic%20999&from=0&to=$now"
  stop_app
}

case "${1:-all}" in
  write) write_rate ;;
  http) http ;;
  fill) fill ;;
  export) export_run ;;
  results) results_run ;;
  all) write_rate; http; fill; export_run; results_run ;;
esac
