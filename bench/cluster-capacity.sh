#!/usr/bin/env bash
# Cluster capacity: search throughput through nginx with 1, 2 and 3 replicas (PostgreSQL + Redis), in one run, and
# the CPU each part spends per search, from which the figures for replicas on machines of their own follow.
# Starts its own cluster with cluster/run.sh (own ports and folder, bench/out/cluster), so a running dev cluster is
# left alone, then points nginx at the first 1, 2, 3 replicas in turn (cluster/run.sh route N). Every replica runs
# during every step; only the routed ones get traffic. wrk settings of bench/lib.sh (2 threads, 32 connections,
# 15 s measured after a 5 s warm-up).
# Usage: bash bench/cluster-capacity.sh      (root installs what is missing: wrk, PostgreSQL, Redis, nginx-light)
source "$(dirname "$0")/lib.sh"
install_tools
cd "$ROOT"

export CLUSTER_DIR="$OUT/cluster" CLUSTER_PORT=18088 CLUSTER_REPLICA_PORT=18091 CLUSTER_REPLICAS=3 \
       CLUSTER_PG_PORT=55433 CLUSTER_REDIS_PORT=56380
# wrk calls anonymously from one address: lift the anonymous limit (else a 429 benchmark); no request log lines.
export FEDSEARCH_ACCESS_ANONYMOUS_PER_SECOND=100000000 FEDSEARCH_ACCESS_ANONYMOUS_PER_HOUR=2000000000 \
       LOGGING_LEVEL_FEDSEARCH_REQUEST=WARN

rm -rf "$CLUSTER_DIR"
trap 'cluster/run.sh stop >/dev/null 2>&1 || true' EXIT
START=$(date +%s)
cluster/run.sh start
echo "cluster ready in $(( $(date +%s) - START )) s (3 replicas started at once)"

# CPU ticks (utime + stime) of a process and its children threads/processes, from /proc.
ticks() { local sum=0 p; for p in "$@"; do
  [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$sum"; }
children() { ps -o pid= --ppid "$1" | tr -d ' '; }
PG=$(head -1 "$CLUSTER_DIR/pg/postmaster.pid"); NGINX=$(cat "$CLUSTER_DIR/nginx.pid"); REDIS=$(cat "$CLUSTER_DIR/redis.pid")
HZ=$(getconf CLK_TCK)

# The default selection of GET /api/v1/search: the bundled messages provider (in process; arxiv is slow, left out).
# Every request a new q (bench/search.lua): no cache answers, each search is recorded into PostgreSQL.
URL="http://127.0.0.1:$CLUSTER_PORT/api/v1/search?q=warmup"
curl -sf "$URL" > "$OUT/cluster-answer.json"
echo "answer size: $(wc -c < "$OUT/cluster-answer.json") bytes; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Fresh JVMs spend their first seconds of traffic compiling (JIT): warm every replica first, all three routed,
# so no step pays for another's warm-up.
wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${CLUSTER_WARMUP:-45s}" -s bench/search.lua "$URL" >/dev/null 2>&1 || true
echo "| replicas behind nginx | requests/s | p50 | p99 | CPU ms per search: replicas / PostgreSQL / Redis / nginx | load avg (1 min) after |"
echo "|---|---|---|---|---|---|"
for n in 1 2 3; do
  cluster/run.sh route "$n" 2>/dev/null
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d5s -s bench/search.lua "$URL" >/dev/null 2>&1 || true
  REPLICA_PIDS=$(cat "$CLUSTER_DIR"/replica-*.pid)
  PG_PIDS="$PG $(children "$PG")"; NGINX_PIDS="$NGINX $(children "$NGINX")"
  r0=$(ticks $REPLICA_PIDS); p0=$(ticks $PG_PIDS); d0=$(ticks "$REDIS"); x0=$(ticks $NGINX_PIDS)
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -s bench/search.lua "$URL" \
    > "$OUT/cluster-$n-replicas.wrk.txt" 2>&1
  r1=$(ticks $REPLICA_PIDS); p1=$(ticks $PG_PIDS); d1=$(ticks "$REDIS"); x1=$(ticks $NGINX_PIDS)
  f="$OUT/cluster-$n-replicas.wrk.txt"
  requests=$(awk '/requests in/ {print $1}' "$f")
  per() { awk -v t="$1" -v n="$requests" -v hz="$HZ" 'BEGIN { printf "%.2f", t * 1000 / hz / n }'; }
  printf '| %d | %s | %s | %s | %s / %s / %s / %s | %s |\n' "$n" "$(awk '/Requests\/sec/ {print $2}' "$f")" \
    "$(awk '$1=="50%" {print $2}' "$f")" "$(awk '$1=="99%" {print $2}' "$f")" \
    "$(per $((r1 - r0)))" "$(per $((p1 - p0)))" "$(per $((d1 - d0)))" "$(per $((x1 - x0)))" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
errors=$(grep -h "Non-2xx\|Socket errors" "$OUT"/cluster-*-replicas.wrk.txt || true)
echo "wrk errors: ${errors:-none}"
echo "queries stored in PostgreSQL: $(runuser -u "${CLUSTER_USER:-fedsearch}" -- psql -h 127.0.0.1 \
  -p "$CLUSTER_PG_PORT" -U fedsearch -d fedsearch -tAc 'SELECT count(*) FROM queries' 2>/dev/null || echo n/a)"
