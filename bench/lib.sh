#!/usr/bin/env bash
# Shared helpers for the HTTP benchmarks (bench/*-http.sh). Source it; do not run it.
# Installs what a fresh machine lacks (wrk, nginx-light from Debian), serves static ceilings with nginx,
# and runs wrk with one fixed setting so every figure in docs/benchmarks.md is comparable.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"

# wrk settings for every run: 2 threads (the machine has 2 cores), 32 connections, 15 s after a 5 s warm-up.
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_DURATION=${WRK_DURATION:-15s}

# JAVA: a JDK 25+ (the project's target), found like the Maven toolchain finds it: JAVA_HOME, then /usr/lib/jvm.
find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"
      return 0
    fi
  done
  echo "no JDK 25+ found under JAVA_HOME or /usr/lib/jvm" >&2
  return 1
}
JAVA=$(find_java)

# Every benchmarked app gets these: wrk calls anonymously from one address, and the anonymous rate limit
# (5/s by default) would turn the run into a 429 benchmark.
BENCH_APP_ARGS=(--fedsearch.access.anonymous.per-second=100000000 --fedsearch.access.anonymous.per-hour=2000000000)

install_tools() {
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  command -v ab >/dev/null || need+=(apache2-utils)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# start_nginx PORT SERVER_DIRECTIVES [HTTP_DIRECTIVES]: an nginx of its own on 127.0.0.1:PORT (one worker, no
# access log) whose server block holds SERVER_DIRECTIVES; its root is $OUT/nginx-PORT/html. Until stop_nginx PORT.
start_nginx() {
  local port=$1 server=$2 http=${3:-} dir="$OUT/nginx-$1"
  mkdir -p "$dir/html" "$dir/logs"
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  $http
  server { listen 127.0.0.1:$port; root $dir/html; $server }
}
CONF
  /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir"
}

# start_nginx_static PORT FILE: serves FILE at http://127.0.0.1:PORT/static.json until stop_nginx.
start_nginx_static() {
  mkdir -p "$OUT/nginx-$1/html"
  cp "$2" "$OUT/nginx-$1/html/static.json"
  start_nginx "$1" ""
}

stop_nginx() {
  local dir="$OUT/nginx-$1"
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
}

# run_wrk LABEL URL [LUA_SCRIPT]: warm-up (unless WARMED is set), then the measured run; prints one table row and keeps wrk's output.
run_wrk() {
  local label=$1 url=$2 script=()
  [ $# -ge 3 ] && script=(-s "$3")
  [ -n "${WARMED:-}" ] || wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d5s "${script[@]}" "$url" >/dev/null 2>&1 || true
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "${script[@]}" "$url" > "$OUT/$label.wrk.txt" 2>&1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$label.wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$label.wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$label.wrk.txt")
  printf '| %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99"
}

# json_provider ID URL [SETTING=VALUE ...]: appends to the array ARGS the app arguments of a json provider ID asking
# URL and reading the shape BenchUpstream and the benchmarks' nginx upstreams answer in
# ({"total": n, "items": [{"id", "title", "url", "snippet"}]}), plus the given settings of that provider.
json_provider() {
  local k="--fedsearch.providers.$1" url=$2 setting
  shift 2
  ARGS+=("$k.type=json" "$k.url=$url" "$k.results-path=/items" "$k.total-path=/total" "$k.fields.id=/id"
         "$k.fields.title=/title" "$k.fields.url=/url" "$k.fields.snippet=/snippet")
  for setting in "$@"; do ARGS+=("$k.$setting"); done
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# build_jar: the runnable jar, built once (tests skipped; the suite runs in CI).
build_jar() {
  (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package) >/dev/null
  ls "$ROOT"/distributions/fedsearch/target/fedsearch.jar
}

# wait_http URL [SECONDS]: until URL answers 2xx.
wait_http() {
  local url=$1 limit=${2:-60} i
  for ((i = 0; i < limit * 10; i++)); do
    curl -sf -o /dev/null "$url" && return 0
    sleep 0.1
  done
  echo "no answer from $url" >&2
  return 1
}

# run_ab LABEL URL: the same measurement with ApacheBench (keep-alive, WRK_CONNECTIONS concurrent, WRK_DURATION),
# a second opinion on wrk's latency figures: at a few connections on 2 busy cores, wrk -t2 reports a mean latency
# that Little's law rules out (mean x rate > connections), while ab and wrk -t1 agree with it. See docs/benchmarks.md.
run_ab() {
  local label=$1 url=$2 seconds=${WRK_DURATION%s}
  ab -k -c "$WRK_CONNECTIONS" -t 5 -n 100000000 "$url" >/dev/null 2>&1 || true
  ab -k -c "$WRK_CONNECTIONS" -t "$seconds" -n 100000000 "$url" > "$OUT/$label.ab.txt" 2>&1
  local rps p50 p99
  rps=$(awk '/Requests per second/ {print $4}' "$OUT/$label.ab.txt")
  p50=$(awk '$1=="50%" {print $2 "ms"}' "$OUT/$label.ab.txt")
  p99=$(awk '$1=="99%" {print $2 "ms"}' "$OUT/$label.ab.txt")
  printf '| %s (ab) | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99"
}
