#!/usr/bin/env bash
# History benchmarks (docs/bench-history.md). Usage: bench/history.sh [write|http|fill|export|results|all]
#   write   sustained write rate through QueryLog on H2 and on PostgreSQL (100k queries x 10 results each)
#   http    search throughput with recording on vs off (feature flag history), plus an nginx static ceiling
#   toggle  only the decisive part of http: on vs off in one warm app, the flag flipped between runs
#   paced   the same below saturation (about 3,500 searches/s): app CPU per search and latency, on vs off
#   threads where recording's CPU goes at saturation, in steady state: app CPU per search by thread group
#           DB=postgres: recording into an embedded PostgreSQL beside the app, its CPU counted apart
#   fill    a database with 1M queries x PER_QUERY results over 10 days (bench/out/$DATA), for export/results
#           DB=postgres: a PostgreSQL data directory (bench/out/$DATA-pg, served by BenchPostgres), else an H2 file
#   export  GET /api/v1/queries/export of all 1M queries with -Xmx256m: time, bytes, peak heap
#   results GET /api/v1/results with filters on the filled database: p50/p99 (wrk, 4 connections)
#           DB=postgres PREWARM=1: the results table and indexes read into PostgreSQL's buffers first
source "$(dirname "$0")/lib.sh"

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
APP_PORT=${APP_PORT:-18431}
UP_PORT=${UP_PORT:-18432}
REF_PORT=${REF_PORT:-18433}

test_classpath() {
  (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests install \
     && ./mvnw -q -B -ntp -pl core dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test) >/dev/null
  echo "$ROOT/core/target/test-classes:$ROOT/core/target/classes:$(cat "$ROOT/core/target/test-classpath.txt")"
}

write_rate() {
  local cp; cp=$(test_classpath)
  rm -rf "$OUT/h2w"
  "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench h2 "$OUT/h2w/fedsearch" 100000 10 10 4 2>&1 | grep -E '^h2'
  "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench postgres 100000 10 10 4 2>&1 | grep -E '^postgres'
}

# DATA (default h2big) names the filled database under bench/out; PER_QUERY results per query (default 3:
# 3M result rows; PER_QUERY=10 DATA=h2big10 gives 10M).
DATA=${DATA:-h2big}
PER_QUERY=${PER_QUERY:-3}

DB=${DB:-h2}
PG_PORT=${PG_PORT:-18434}

# start_postgres: the embedded PostgreSQL on PG_PORT over bench/out/$DATA-pg (kept between runs), pid in $PG_PID.
start_postgres() {
  local cp; cp=$(test_classpath)
  : > "$OUT/postgres.log"
  # shellcheck disable=SC2086
  # PG_CPUS (e.g. 1): PostgreSQL's processes on those CPUs only, as on a host of its own; run the script itself under
  # `taskset -c 0` to keep the app, wrk and nginx off them.
  ${PG_CPUS:+taskset -c "$PG_CPUS"} "$JAVA" -cp "$cp" io.fedsearch.bench.BenchPostgres "$OUT/$DATA-pg" "$PG_PORT" \
    ${PREWARM:+prewarm} > "$OUT/postgres.log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 1 600); do grep -q "postgres ready" "$OUT/postgres.log" && { grep prewarmed "$OUT/postgres.log" || true; return 0; }; sleep 1; done
  echo "PostgreSQL did not start: $OUT/postgres.log" >&2; return 1
}

stop_postgres() { kill "$PG_PID" 2>/dev/null; wait "$PG_PID" 2>/dev/null || true; }

fill() {
  local cp; cp=$(test_classpath)
  if [ "$DB" = postgres ]; then
    rm -rf "${OUT:?}/$DATA-pg"
    start_postgres
    "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench postgres-at "$PG_PORT" 1000000 "$PER_QUERY" 10 4 2>&1 | grep -E '^postgres'
    stop_postgres
  else
    rm -rf "${OUT:?}/$DATA"
    "$JAVA" -Xmx1g -cp "$cp" io.fedsearch.bench.HistoryWriteBench h2 "$OUT/$DATA/fedsearch" 1000000 "$PER_QUERY" 10 4 2>&1 | grep -E '^h2'
  fi
}

# start_app DB_URL JVM_OPTS [ARGS...]: the jar on APP_PORT, pid in $APP_PID.
start_app() {
  local url=$1 opts=$2; shift 2
  # shellcheck disable=SC2086
  "$JAVA" $opts -jar "$JAR" "${BENCH_APP_ARGS[@]}" --server.port="$APP_PORT" --spring.datasource.url="$url" --logging.level.root=WARN \
    --logging.level.fedsearch.request=WARN "$@" ${APP_ARGS:-} > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  wait_http "http://127.0.0.1:$APP_PORT/actuator/health" 120
}

stop_app() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; }

# run_wrk_search LABEL: like run_wrk, with a random q per request (bench/search.lua).
run_wrk_search() {
  local label=$1
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d5s -s "$BENCH_DIR/search.lua" "http://127.0.0.1:$APP_PORT" >/dev/null 2>&1 || true
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -s "$BENCH_DIR/search.lua" \
    "http://127.0.0.1:$APP_PORT" > "$OUT/$label.wrk.txt" 2>&1
  printf '| %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/ {print $2}' "$OUT/$label.wrk.txt")" \
    "$(awk '$1=="50%" {print $2}' "$OUT/$label.wrk.txt")" "$(awk '$1=="99%" {print $2}' "$OUT/$label.wrk.txt")"
}

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
  if [ "${1:-}" = toggle ]; then toggle_rounds "${provider[@]}"; stop_nginx "$UP_PORT"; return; fi
  if [ "${1:-}" = paced ]; then paced_rounds "${provider[@]}"; stop_nginx "$UP_PORT"; return; fi
  if [ "${1:-}" = threads ]; then threads_rounds "${provider[@]}"; stop_nginx "$UP_PORT"; return; fi
  echo "| run | requests/s | p50 | p99 |"
  echo "| --- | --- | --- | --- |"
  rm -rf "$OUT/h2http"
  start_app "jdbc:h2:file:$OUT/h2http/on" "-Xmx512m" "${provider[@]}"
  curl -s "$url" > "$OUT/search-answer.json"
  start_nginx_static "$REF_PORT" "$OUT/search-answer.json"
  run_wrk "nginx-static-same-size" "http://127.0.0.1:$REF_PORT/static.json"
  stop_nginx "$REF_PORT"
  run_wrk "search-history-on-cached" "$url"
  run_wrk_search "search-history-on-uncached"
  local written; written=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.written" | grep -o '"value":[0-9.E]*')
  local sync; sync=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.sync.writes" | grep -o '"value":[0-9.E]*')
  echo "(history on: written $written, request-side writes $sync)"
  stop_app
  start_app "jdbc:h2:file:$OUT/h2http/off" "-Xmx512m" "${provider[@]}" --fedsearch.flags.history=false
  run_wrk "search-history-off-cached" "$url"
  run_wrk_search "search-history-off-uncached"
  stop_app
  toggle_rounds "${provider[@]}"
  stop_nginx "$UP_PORT"
}

ADMIN_KEY=fs_admin-bench-0000000000000000

# set_history on|off: flips the history feature flag at run time (admin API), then waits until the writer's
# backlog is empty, so a run measures only its own records.
set_history() {
  local enabled=true; [ "$1" = off ] && enabled=false
  curl -sf -o /dev/null -X PUT "http://127.0.0.1:$APP_PORT/admin/flags/history" -H "X-API-Key: $ADMIN_KEY" \
    -H 'Content-Type: application/json' -d "{\"enabled\":$enabled}"
  until curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.backlog" | grep -q '"value":0.0'; do
    sleep 0.2
  done
}

# start_warm_app NAME PROVIDER_ARGS...: a fresh app (heap XMX, default 512m) over bench/out/h2http/NAME with a
# known admin key, then WARMUP (60s) at saturation with recording on: under this load the JIT compiles for about a
# minute, and its threads took a quarter of the app's CPU 20 s in.
# DB=postgres: the app records into a fresh embedded PostgreSQL (bench/out/$name-pg, its own processes) instead.
start_warm_app() {
  local name=$1; shift
  rm -rf "${OUT:?}/h2http/$name"
  if [ "$DB" = postgres ]; then
    DATA=$name; rm -rf "${OUT:?}/$DATA-pg"; start_postgres
    FEDSEARCH_ADMIN_KEY=$ADMIN_KEY start_app "jdbc:postgresql://localhost:$PG_PORT/postgres?reWriteBatchedInserts=true" \
      "-Xmx${XMX:-512m}" --spring.datasource.username=postgres --spring.datasource.password=postgres "$@"
  else
    FEDSEARCH_ADMIN_KEY=$ADMIN_KEY start_app "jdbc:h2:file:$OUT/h2http/$name/db" "-Xmx${XMX:-512m}" "$@"
  fi
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP:-60s}" -s "$BENCH_DIR/search.lua" "http://127.0.0.1:$APP_PORT" >/dev/null 2>&1 || true
  echo
}

stop_warm_app() {
  stop_app
  if [ "$DB" = postgres ]; then stop_postgres; fi
}

# abba ROUND: the order of the two runs of a round, "on off" then "off on", so drift during the run falls on both.
abba() { if [ $(($1 % 2)) -eq 1 ]; then echo on off; else echo off on; fi; }

# toggle_rounds PROVIDER_ARGS...: recording on versus off in ONE app, the flag flipped between runs. Separate JVMs
# swing by tens of percent on 2 shared cores (JIT, heap layout, scheduling), which hides a 10 % effect; one warm
# JVM measured in ABBA order leaves only the flag. ROUNDS pairs (default 6), WRK_DURATION each. Prints each pair and
# the median of the per-pair differences.
toggle_rounds() {
  start_warm_app toggle "$@"
  echo "| pair | on req/s | off req/s | on vs off |"
  echo "| --- | --- | --- | --- |"
  local round on off diffs=() mode
  for round in $(seq 1 "${ROUNDS:-6}"); do
    local order; read -ra order <<< "$(abba "$round")"
    for mode in "${order[@]}"; do
      set_history "$mode"
      wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" -s "$BENCH_DIR/search.lua" \
        "http://127.0.0.1:$APP_PORT" > "$OUT/toggle-$round-$mode.wrk.txt" 2>&1
    done
    on=$(awk '/Requests\/sec/ {print $2}' "$OUT/toggle-$round-on.wrk.txt")
    off=$(awk '/Requests\/sec/ {print $2}' "$OUT/toggle-$round-off.wrk.txt")
    diffs+=("$(awk -v a="$on" -v b="$off" 'BEGIN{printf "%.1f", (a/b-1)*100}')")
    printf '| %s (%s first) | %s | %s | %s %% |\n' "$round" "${order[0]}" "$on" "$off" "${diffs[-1]}"
  done
  printf '%s\n' "${diffs[@]}" | sort -g | awk '{d[NR]=$1} END{m=(NR%2)?d[(NR+1)/2]:(d[NR/2]+d[NR/2+1])/2; printf "median on vs off: %.1f %%\n", m}'
  local written sync
  written=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.written" | grep -o '"value":[0-9.E]*')
  sync=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/fedsearch.history.sync.writes" | grep -o '"value":[0-9.E]*')
  echo "(written $written, request-side writes $sync)"
  stop_warm_app
}

# paced_rounds PROVIDER_ARGS...: the same one-app on/off comparison below saturation (bench/paced-search.lua, about
# 3,500 req/s: the seed API's floor). Both modes serve the offered load, so what differs is the app's CPU per
# search (from /proc) and the latency.
paced_rounds() {
  start_warm_app paced "$@"
  echo "| run | req/s | p50 | p99 | app CPU per search |"
  echo "| --- | --- | --- | --- | --- |"
  local round mode
  for round in $(seq 1 "${ROUNDS:-3}"); do
    local order; read -ra order <<< "$(abba "$round")"
    for mode in "${order[@]}"; do
      set_history "$mode"
      local label="paced-$round-$mode" t0 t1 n
      t0=$(awk '{print $14+$15}' "/proc/$APP_PID/stat")
      wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -s "$BENCH_DIR/paced-search.lua" \
        "http://127.0.0.1:$APP_PORT" > "$OUT/$label.wrk.txt" 2>&1
      t1=$(awk '{print $14+$15}' "/proc/$APP_PID/stat")
      n=$(awk '/requests in/ {print $1}' "$OUT/$label.wrk.txt")
      printf '| %s | %s | %s | %s | %s us |\n' "$label" "$(awk '/Requests\/sec/ {print $2}' "$OUT/$label.wrk.txt")" \
        "$(awk '$1=="50%" {print $2}' "$OUT/$label.wrk.txt")" "$(awk '$1=="99%" {print $2}' "$OUT/$label.wrk.txt")" \
        "$(awk -v t=$((t1 - t0)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.0f", t / hz * 1e6 / n}')"
    done
  done
  stop_warm_app
}

# cpu_snapshot FILE: the app's CPU ticks so far (user + system): a line "total T", then "TID GROUP TICKS" per live
# thread. Groups: writer (the history writer), gc, jit (C1/C2 compilers), h2bg (H2's background threads), other.
cpu_snapshot() {
  local t name
  echo "total $(awk '{print $14+$15}' "/proc/$APP_PID/stat")" > "$1"
  # The database's own processes, when it runs beside the app (DB=postgres): a separate total.
  echo "db $(for p in $(pgrep -x postgres); do awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}')" >> "$1"
  for t in /proc/"$APP_PID"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null) || continue
    printf '%s|%s|%s\n' "${t##*/}" "$name" "$(sed 's/.*) //' "$t/stat" 2>/dev/null)"
  done | awk -F'|' '{
      split($3, f, " "); g = "other"
      if ($2 == "history-writer") g = "writer"; else if ($2 ~ /^(GC|G1)/) g = "gc"
      else if ($2 ~ /^C[12] /) g = "jit"; else if ($2 ~ /^(H2|MVStore)/) g = "h2bg"
      print $1, g, f[12] + f[13]
    }' >> "$1"
}

# cpu_row LABEL BEFORE AFTER REQUESTS REQS_PER_S: one table row, CPU per request by group, from two snapshots.
# Per-thread differences, so a thread that ends in between (the JVM retires idle compiler threads) cannot make its
# group negative: its time in the window is counted in "rest", which is the whole process less the named groups.
cpu_row() {
  awk -v label="$1" -v n="$4" -v rps="$5" -v hz="$(getconf CLK_TCK)" '
    FNR == 1 { total[FILENAME == ARGV[1] ? "a" : "b"] = $2; next }
    FNR == 2 { db[FILENAME == ARGV[1] ? "a" : "b"] = $2; next }
    FILENAME == ARGV[1] { before[$1] = $3; next }
    { d[$2] += $3 - ($1 in before ? before[$1] : 0) }
    END {
      if (n <= 0) { printf "| %s | no requests completed |\n", label; exit }
      k = 1e6 / hz / n; all = (total["b"] - total["a"]) * k
      named = (d["writer"] + d["gc"] + d["jit"] + d["h2bg"]) * k
      printf "| %s | %.0f | %.0f us | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f us |\n", label, rps, all,
        d["writer"] * k, d["gc"] * k, d["jit"] * k, d["h2bg"] * k, all - named, (db["b"] - db["a"]) * k
    }' "$2" "$3"
}

# threads_rounds PROVIDER_ARGS...: where recording's CPU goes, in steady state. One warm app; windows of
# WRK_DURATION at saturation, ON_WINDOWS with recording on, OFF_WINDOWS off, then 2 on again; per window the app's
# CPU per search (from /proc, per thread group: the history writer, GC, JIT compilers, H2's background threads,
# everything else).
threads_rounds() {
  start_warm_app threads "$@"
  echo "| window | req/s | app CPU per search | writer | GC | JIT | H2 background | rest | PostgreSQL per search |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  local mode i=0
  for mode in $(printf 'on %.0s' $(seq 1 "${ON_WINDOWS:-6}")) $(printf 'off %.0s' $(seq 1 "${OFF_WINDOWS:-4}")) on on; do
    set_history "$mode"
    cpu_snapshot "$OUT/threads.before"
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" -s "$BENCH_DIR/search.lua" \
      "http://127.0.0.1:$APP_PORT" > "$OUT/threads.wrk.txt" 2>&1 || true
    cpu_snapshot "$OUT/threads.after"
    i=$((i + 1))
    cpu_row "$i $mode" "$OUT/threads.before" "$OUT/threads.after" \
      "$(awk '/requests in/ {print $1}' "$OUT/threads.wrk.txt")" "$(awk '/Requests\/sec/ {print $2}' "$OUT/threads.wrk.txt")"
  done
  stop_warm_app
}

# mib METRIC: an actuator metric's value in MiB.
mib() {
  local v; v=$(curl -s "http://127.0.0.1:$APP_PORT/actuator/metrics/$1" | grep -o '"value":[0-9.E+]*' | head -1 | cut -d: -f2)
  awk -v x="${v:-0}" 'BEGIN{printf "%d", x/1048576}'
}

# max_heap_while PID: polls every 0.5 s until PID ends; prints the peak heap used (garbage included) and the
# peak live data after GC (jvm.gc.live.data.size), in MiB.
max_heap_while() {
  local pid=$1 max=0 live=0 v
  while kill -0 "$pid" 2>/dev/null; do
    v=$(mib "jvm.memory.used?tag=area:heap"); [ "$v" -gt "$max" ] && max=$v
    v=$(mib "jvm.gc.live.data.size"); [ "$v" -gt "$live" ] && live=$v
    sleep 0.5
  done
  echo "peak heap used $max MiB, peak live data after GC $live MiB"
}

export_run() {
  JAR=$(build_jar)
  local xmx=${XMX:-256m}
  start_app "jdbc:h2:file:$OUT/$DATA/fedsearch" "-Xmx$xmx"
  local now; now=$(date +%s)
  curl -s -o "$OUT/export.json" -w '%{http_code} %{size_download} bytes %{time_total} s\n' \
    "http://127.0.0.1:$APP_PORT/api/v1/queries/export?from=0&to=$now" > "$OUT/export.curl" &
  local curl_pid=$!
  local peak; peak=$(max_heap_while $curl_pid)
  echo "export (-Xmx$xmx): $(cat "$OUT/export.curl"), $peak"
  echo "records in file: $(grep -o '"query_id"' "$OUT/export.json" | wc -l)"
  stop_app
}

# run_wrk_template LABEL CONNECTIONS TEMPLATE: wrk with bench/results.lua (randomised parameters), 10 s.
run_wrk_template() {
  local label=$1 conns=$2 template=$3
  TEMPLATE="$template" NOW="$NOW" wrk -t2 -c"$conns" -d10s --latency -s "$BENCH_DIR/results.lua" \
    "http://127.0.0.1:$APP_PORT" > "$OUT/$label.wrk.txt" 2>&1
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$label.wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$label.wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$label.wrk.txt")
  bad=$(awk '/Non-2xx/ {print $NF}' "$OUT/$label.wrk.txt")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${bad:-0}"
}

results_run() {
  install_tools
  JAR=$(build_jar)
  if [ "$DB" = postgres ]; then
    start_postgres
    start_app "jdbc:postgresql://localhost:$PG_PORT/postgres" "-Xmx${XMX:-512m}" --spring.datasource.username=postgres \
      --spring.datasource.password=postgres
  else
    # H2_OPTS: extra H2 URL settings, e.g. ";CACHE_SIZE=1048576" (KiB; H2's page cache lives in the heap).
    start_app "jdbc:h2:file:$OUT/$DATA/fedsearch${H2_OPTS:-}" "-Xmx${XMX:-512m}"
  fi
  NOW=$(date +%s)
  local base="http://127.0.0.1:$APP_PORT/api/v1/results"
  echo "all-time total: $(curl -s "$base?from=0&to=$NOW&size=1" | grep -o '"total":[0-9]*,"total_exact":[a-z]*')"
  local q0; q0=$(curl -s "http://127.0.0.1:$APP_PORT/api/v1/queries?limit=1" | grep -o '"query_id":[0-9]*' | head -1 | cut -d: -f2)
  echo "| query | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | --- | --- | --- | --- |"
  # query ids of the filled database are spread over [1, ~1.3M]; a random one may be a gap (total 0), still a lookup.
  run_wrk_template "by-query-id" 4 "/api/v1/results?query_id={a}{p}"
  run_wrk_template "provider-random-1h" 4 "/api/v1/results?provider=docs&from={h0}&to={h1}"
  run_wrk_template "author-substring-random-1h" 4 "/api/v1/results?author={n}&from={h0}&to={h1}"
  run_wrk_template "last-24h-random-page" 4 "/api/v1/results?page={p}"
  run_wrk_template "author-substring-last-24h" 2 "/api/v1/results?author={n}"
  run_wrk_template "title-substring-all-time" 2 "/api/v1/results?title={w}&from=0&to={now}"
  run_wrk_template "author-substring-all-time" 2 "/api/v1/results?author={n}&from=0&to={now}"
  # The seed's /results: the bench data holds no arXiv result, the case a scan of the time index would make slowest.
  run_wrk_template "seed-results-no-arxiv-rows" 4 "/results?page={p}&items_per_page=10"
  stop_app
  [ "$DB" = postgres ] && stop_postgres
}

case "${1:-all}" in
  write) write_rate ;;
  http) http ;;
  toggle) http toggle ;;
  paced) http paced ;;
  threads) http threads ;;
  fill) fill ;;
  export) export_run ;;
  results) results_run ;;
  all) write_rate; http; fill; export_run; results_run ;;
esac
