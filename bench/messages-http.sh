#!/usr/bin/env bash
# wrk: the seed-compatible GET /search against the app, beside nginx serving a static answer of the same size.
#   1. the bundled sample (3,349 messages, the default config);
#   2. 1,000,000 generated messages fetched from a local Aurora upstream (io.fedsearch.bench.AuroraUpstream).
# About 4 minutes on 2 cores. Figures go to docs/bench-messages.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_nginx "${NGINX_PORT:-0}"
}
trap cleanup EXIT

install_tools
JAR=$(build_jar)
(cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests install && ./mvnw -q -B -ntp -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/messages-cp.txt" >/dev/null)
CP="$ROOT/core/target/test-classes:$ROOT/core/target/classes:$(cat "$OUT/messages-cp.txt")"
NGINX_PORT=$(free_port)

# start_app PORT [ARGS...]: the packaged jar with an in-memory database; its pid is added to PIDS.
start_app() {
  local port=$1; shift
  "$JAVA" -Xmx2g -jar "$JAR" "${BENCH_APP_ARGS[@]}" --server.port="$port" --spring.datasource.url="jdbc:h2:mem:bench" \
    --logging.level.fedsearch.request=WARN "$@" > "$OUT/messages-app-$port.log" 2>&1 &
  PIDS+=($!)
}

# compare LABEL APP_URL: the app's answer, then nginx serving a copy of that answer.
compare() {
  local label=$1 url=$2 file="$OUT/messages-$1.json"
  curl -sf "$url" -o "$file"
  stop_nginx "$NGINX_PORT"
  start_nginx_static "$NGINX_PORT" "$file"
  echo "# $label: $(wc -c < "$file") bytes, total $(grep -o '"total":[0-9]*' "$file" | head -1)"
  run_wrk "app-$label" "$url"
  run_wrk "nginx-$label" "http://127.0.0.1:$NGINX_PORT/static.json"
}

echo "| run | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- |"

APP=$(free_port)
start_app "$APP"
wait_http "http://127.0.0.1:$APP/search?q=paris" 120
compare sample-paris "http://127.0.0.1:$APP/search?q=paris"
compare sample-all "http://127.0.0.1:$APP/search"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

UPSTREAM=$(free_port)
"$JAVA" -Xmx2g -cp "$CP" io.fedsearch.bench.AuroraUpstream "$UPSTREAM" 1000000 > "$OUT/messages-upstream.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$UPSTREAM/messages?skip=0&limit=1" 120
APP=$(free_port)
start=$(date +%s)
start_app "$APP" --fedsearch.providers.messages.source-url="http://127.0.0.1:$UPSTREAM/messages"
wait_http "http://127.0.0.1:$APP/search?q=paris" 300
echo "# 1M messages loaded $(( $(date +%s) - start )) s after the app was started"
compare 1m-rare "http://127.0.0.1:$APP/search?q=555-4821"
compare 1m-common "http://127.0.0.1:$APP/search?q=flight"
compare 1m-two-letters "http://127.0.0.1:$APP/search?q=pa"
compare 1m-none "http://127.0.0.1:$APP/search?q=xylophone"
compare 1m-phrase "http://127.0.0.1:$APP/search?q=at%20the"
