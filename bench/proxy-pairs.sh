#!/usr/bin/env bash
# The two pairs of issue 17, side by side in one run, wrk with 2 threads and 50 connections:
#   1. GET /api/v1/search with one `json` provider whose upstream is nginx serving a static answer, a new q on every
#      request, history recorded into the embedded H2 (and again with recording off, and with the same q every
#      time, a provider-cache hit); beside nginx reverse-proxying the same upstream, also with a new q every
#      request: the ceiling for a one-provider fan-out (one upstream call per request).
#   2. the seed GET /search?q=paris over the bundled messages, beside nginx serving the same bytes as a static file.
#   The app-floor row is the app's cheapest answer (seed health, GET / = {"status":"ok"}) through the same Tomcat,
#   filters, Spring MVC and Jackson: what any endpoint of this stack costs before it does anything.
# Usage: bash bench/proxy-pairs.sh      (installs wrk and nginx-light when missing; needs root for apt-get)
#   PAIRS_PROFILE=DIR records each app run (not its warm-up) with JFR into DIR/LABEL.jfr; read one with
#   python3 bench/jfr-inclusive.py DIR/LABEL.jfr [TOP] [FILTER]. PAIRS_ONLY="label ..." runs only those rows;
#   PAIRS_APP_ARGS adds app arguments to every start; PAIRS_JIT_WARMUP (60s) is the load each start gets before
#   its first row, PAIRS_WARMUP (5s) the warm-up of each row; PAIRS_JOURNAL= (empty) runs without the write-ahead
#   journal. PAIRS_ROUNDS=N repeats the whole set N times (default 1), one after the other.
#   Each app row also reports the app's CPU time per answered request (/proc), steadier than requests/s here.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
install_tools
cd "$ROOT"
WRK_CONNECTIONS=${WRK_CONNECTIONS:-50}
UPSTREAM=18191 PROXY=18192 STATIC=18193 APP=18180
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  stop_nginx $UPSTREAM; stop_nginx $PROXY; stop_nginx $STATIC
}
trap cleanup EXIT
JAR=$(build_jar)

# The upstream: ten results in the json provider's shape, the same answer for any path and query.
body='{"total": 10, "items": ['
for i in $(seq 1 10); do
  [ "$i" -gt 1 ] && body+=','
  body+="{\"id\": \"up-$i\", \"title\": \"Result $i about distributed search\", \"url\": \"https://example.org/up/$i\","
  body+=" \"snippet\": \"Result $i: a static answer served by nginx for every query, as long as a real one.\"}"
done
echo "$body]}" > "$OUT/upstream.json"
mkdir -p "$OUT/nginx-$UPSTREAM/html"
cp "$OUT/upstream.json" "$OUT/nginx-$UPSTREAM/html/static.json"
start_nginx $UPSTREAM 'location / { try_files /static.json =404; }'

# nginx reverse proxy to the same upstream, keep-alive to it as our HTTP client keeps its connections.
start_nginx $PROXY 'location / { proxy_pass http://search; proxy_http_version 1.1; proxy_set_header Connection ""; }' \
  "upstream search { server 127.0.0.1:$UPSTREAM; keepalive 64; }"

# start_app LABEL [ARGS...]: the public jar, a fresh H2 file database, one provider `up`; waits for readiness.
start_app() {
  local label=$1; shift
  local ARGS=(--server.port=$APP --spring.datasource.url="jdbc:h2:file:$OUT/pairs-data/fedsearch"
              --fedsearch.history.journal="${PAIRS_JOURNAL-$OUT/pairs-data/journal}" --logging.level.fedsearch.request=WARN)
  json_provider up "http://127.0.0.1:$UPSTREAM/search?q={query}&n={size}" timeout=2s max-concurrency=200
  rm -rf "$OUT/pairs-data"
  "$JAVA" -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$JAR" "${BENCH_APP_ARGS[@]}" "${ARGS[@]}" ${PAIRS_APP_ARGS:-} "$@" \
    > "$OUT/pairs-app-$label.log" 2>&1 &
  APP_PID=$!; PIDS+=($APP_PID)
  wait_http "http://127.0.0.1:$APP/actuator/health/readiness" 180
  # The JIT needs about a minute of this load to settle (C2 still took a third of the app's CPU 20 s in, and the
  # CPU per request fell fourfold by 75 s): without it every row would measure compilation, not the code.
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${PAIRS_JIT_WARMUP:-60s}" -s "$ROOT/bench/unique-query.lua" \
    "http://127.0.0.1:$APP/api/v1/search?providers=up" >/dev/null 2>&1 || true
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d15s "http://127.0.0.1:$APP/search?q=paris" >/dev/null 2>&1 || true
}
# app_wrk LABEL URL [LUA]: run_wrk against the app, recorded with JFR when PAIRS_PROFILE is set.
app_wrk() {
  if [ -n "${PAIRS_ONLY:-}" ] && [[ " $PAIRS_ONLY " != *" $1 "* ]]; then return 0; fi
  local jcmd cpu0 row requests
  jcmd="$(dirname "$JAVA")/jcmd"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${PAIRS_WARMUP:-5s}" ${3:+-s "$3"} "$2" >/dev/null 2>&1 || true
  [ -z "${PAIRS_PROFILE:-}" ] || { mkdir -p "$PAIRS_PROFILE"; "$jcmd" "$APP_PID" JFR.start name="$1" settings=profile >/dev/null; }
  cpu0=$(app_cpu_ms)
  row=$(WARMED=1 run_wrk "$@")
  requests=$(awk '/requests in/ {print $1}' "$OUT/$1.wrk.txt")
  # The app's CPU time (user + system) per answered request: far steadier than requests/s on a shared machine.
  echo "$row $(( ($(app_cpu_ms) - cpu0) * 1000 / (requests > 0 ? requests : 1) )) µs |"
  [ -z "${PAIRS_PROFILE:-}" ] || "$jcmd" "$APP_PID" JFR.stop name="$1" filename="$PAIRS_PROFILE/$1.jfr" >/dev/null
}
app_cpu_ms() { awk -v tck="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tck)}' "/proc/$APP_PID/stat"; }
ref_wrk() {
  if [ -n "${PAIRS_ONLY:-}" ] && [[ " $PAIRS_ONLY " != *" $1 "* ]]; then return 0; fi
  echo "$(run_wrk "$@") – |"
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

SEARCH="http://127.0.0.1:$APP/api/v1/search?providers=up"
echo "| run | requests/s | p50 | p99 | app CPU per request |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "${PAIRS_ROUNDS:-1}"); do
  start_app history-on
  curl -sf "$SEARCH&q=sample" > "$OUT/pairs-search.json"
  grep -q '"status":"ok"' "$OUT/pairs-search.json" || { echo "provider up did not answer: $(cat "$OUT/pairs-search.json")" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$APP/search?q=paris" > "$OUT/pairs-paris.json"
  stop_nginx $STATIC; start_nginx_static $STATIC "$OUT/pairs-paris.json"
  app_wrk search-history-on "$SEARCH" "$ROOT/bench/unique-query.lua"
  ref_wrk nginx-proxy "http://127.0.0.1:$PROXY/search?providers=up" "$ROOT/bench/unique-query.lua"
  app_wrk search-same-q "$SEARCH&q=sample"
  app_wrk seed-search-paris "http://127.0.0.1:$APP/search?q=paris"
  ref_wrk nginx-static-paris "http://127.0.0.1:$STATIC/static.json"
  app_wrk app-floor "http://127.0.0.1:$APP/"
  recorded=""
  for m in written sync.writes dropped; do
    recorded+="$m=$(curl -sf "http://127.0.0.1:$APP/actuator/metrics/fedsearch.history.$m" | grep -o '"value":[0-9.E+]*' | head -1 | cut -d: -f2) "
  done
  stop_app
  start_app history-off --fedsearch.flags.history=false
  app_wrk search-history-off "$SEARCH" "$ROOT/bench/unique-query.lua"
  stop_app
done
echo "answers: search $(wc -c < "$OUT/pairs-search.json") bytes, seed /search?q=paris $(wc -c < "$OUT/pairs-paris.json") bytes; history after the run: ${recorded:-n/a}"
