#!/usr/bin/env bash
# A local Fedsearch cluster as a new operator would run it: PostgreSQL, Redis, N replicas of the jar configured by
# environment only, and nginx in front. Everything runs as an unprivileged user under cluster/run/ (git-ignored).
#
#   cluster/run.sh start      install what is missing (Debian), start everything, wait until every replica is ready
#   cluster/run.sh status     what runs, and each replica's health
#   cluster/run.sh stop       SIGTERM the replicas (graceful), stop nginx, Redis and PostgreSQL; no process is left
#   cluster/run.sh route N    nginx sends to the first N replicas only (capacity runs; `route` alone = all)
#
# Settings (environment, with defaults): CLUSTER_PORT=8088 (nginx), CLUSTER_REPLICAS=3, CLUSTER_REPLICA_PORT=8091
# (replica i listens on CLUSTER_REPLICA_PORT+i-1), CLUSTER_PG_PORT=55432, CLUSTER_REDIS_PORT=56379,
# CLUSTER_USER=fedsearch (created when run as root), CLUSTER_DIR=cluster/run, CLUSTER_HEAP=384m, CLUSTER_JAVA_OPTS,
# FEDSEARCH_JAR (default distributions/fedsearch/target/fedsearch.jar, built when missing),
# FEDSEARCH_ADMIN_KEY (default: generated once, kept in cluster/run/admin-key).
# Any FEDSEARCH_*, SPRING_*, SERVER_*, MANAGEMENT_*, LOGGING_*, LOG_LEVEL or LOG_FORMAT variable set by the caller
# is passed on to every replica (e.g. FEDSEARCH_ACCESS_ANONYMOUS_PER_SECOND=1000 cluster/run.sh start).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CLUSTER_DIR:-$ROOT/cluster/run}"
LB_PORT="${CLUSTER_PORT:-8088}"
REPLICAS="${CLUSTER_REPLICAS:-3}"
REPLICA_PORT="${CLUSTER_REPLICA_PORT:-8091}"
PG_PORT="${CLUSTER_PG_PORT:-55432}"
REDIS_PORT="${CLUSTER_REDIS_PORT:-56379}"
RUN_USER="${CLUSTER_USER:-fedsearch}"
HEAP="${CLUSTER_HEAP:-384m}"
# The app's default is 200ms. Three JVMs starting on a laptop's (or a shared CI box's) cores can starve Redis's
# answer past that, and an unreachable Redis at start-up stops a replica (docs/redis.md): 1s here.
REDIS_TIMEOUT="${FEDSEARCH_STATE_REDIS_TIMEOUT:-1s}"
JAR_SRC="${FEDSEARCH_JAR:-$ROOT/distributions/fedsearch/target/fedsearch.jar}"

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# as_user CMD...: runs CMD as the cluster's unprivileged user (ourselves when not root).
as_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$dir"
}

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"; return 0
    fi
  done
  die "no JDK 25+ found under JAVA_HOME or /usr/lib/jvm"
}

# Debian packages, installed only when their programs are missing (apt-get update first).
install_missing() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx-light)
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing ${need[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The packages may start system-wide services on their default ports; this cluster runs its own, so stop them.
  local package
  for package in "${need[@]}"; do
    case "$package" in
      postgresql) "${sudo[@]}" service postgresql stop >/dev/null 2>&1 || true ;;
      redis-server) "${sudo[@]}" service redis-server stop >/dev/null 2>&1 || true ;;
      nginx-light) "${sudo[@]}" service nginx stop >/dev/null 2>&1 || true ;;
    esac
  done
}

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$RUN_USER" >/dev/null 2>&1 && return 0
  log "creating the unprivileged user $RUN_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER"
}

ensure_jar() {
  if [ ! -f "$JAR_SRC" ]; then
    log "building $JAR_SRC (tests skipped)"
    (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests install) >&2
  fi
  # The replicas run a copy, replaced only while none runs: a jar overwritten under a running JVM breaks its
  # class loading (classes not loaded yet are read from the new bytes). Rebuild freely; stop/start to pick it up.
  local i
  for ((i = 1; i <= REPLICAS; i++)); do
    if alive "$DIR/replica-$i.pid"; then
      cmp -s "$JAR_SRC" "$DIR/fedsearch.jar" || log "replicas run the previous jar; stop and start to use the new one"
      return 0
    fi
  done
  cp "$JAR_SRC" "$DIR/fedsearch.jar.new" && mv "$DIR/fedsearch.jar.new" "$DIR/fedsearch.jar"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_until() { # wait_until SECONDS DESCRIPTION CMD...: polls CMD every 0.2 s
  local limit=$1 what=$2 i
  shift 2
  for ((i = 0; i < limit * 5; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "$what not ready after ${limit}s (logs: $DIR/logs)"
}

start_postgres() {
  local bin; bin=$(pg_bin)
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    log "initdb $DIR/pg"
    as_user "$bin/initdb" -D "$DIR/pg" -U fedsearch --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/logs/initdb.log"
  fi
  if ! as_user "$bin/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
    log "PostgreSQL on 127.0.0.1:$PG_PORT"
    as_user "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/logs/postgres.log" -w -t 60 start \
      -o "-p $PG_PORT -k $DIR/sockets -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=128MB" >/dev/null
  fi
  if ! as_user "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U fedsearch -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'fedsearch'" | grep -q 1; then
    as_user "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U fedsearch fedsearch
  fi
}

start_redis() {
  alive "$DIR/redis.pid" && return 0
  log "Redis on 127.0.0.1:$REDIS_PORT (no persistence)"
  # Redis holds only what the replicas can lose (buckets, recent lists, events): no RDB, no AOF.
  as_user redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/logs/redis.log" --dir "$DIR/redis"
  wait_until 20 Redis redis-cli -p "$REDIS_PORT" ping
}

admin_key() {
  if [ -n "${FEDSEARCH_ADMIN_KEY:-}" ]; then echo "$FEDSEARCH_ADMIN_KEY"; return; fi
  if [ ! -s "$DIR/admin-key" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$DIR/admin-key")
    [ "$(id -u)" -ne 0 ] || chown "$RUN_USER" "$DIR/admin-key"
  fi
  cat "$DIR/admin-key"
}

# The caller's app settings, passed on to every replica (configuration is environment only).
passthrough_env() {
  env | grep -E '^(FEDSEARCH_|SPRING_|SERVER_|MANAGEMENT_|LOGGING_|LOG_LEVEL=|LOG_FORMAT=)' \
      | grep -vE '^(FEDSEARCH_JAR|FEDSEARCH_ADMIN_KEY|SERVER_PORT|SPRING_DATASOURCE_URL|FEDSEARCH_STATE_REDIS_URL|FEDSEARCH_STATE_REPLICAS|FEDSEARCH_STATE_REDIS_TIMEOUT)=' || true
}

start_replica() {
  local i=$1 port=$((REPLICA_PORT + $1 - 1)) java key
  alive "$DIR/replica-$i.pid" && return 0
  java=$(find_java); key=$(admin_key)
  mkdir -p "$DIR/replica-$i"
  rm -f "$DIR/replica-$i.pid"   # written by the replica's shell itself, just before it becomes the JVM
  [ "$(id -u)" -ne 0 ] || chown "$RUN_USER" "$DIR/replica-$i"
  log "replica $i on 127.0.0.1:$port"
  local extra=()
  mapfile -t extra < <(passthrough_env)
  # env -i: the replica sees exactly this configuration and nothing inherited by accident.
  # shellcheck disable=SC2016
  as_user env -i PATH=/usr/bin:/bin HOME="$DIR/replica-$i" \
      SERVER_PORT="$port" \
      SERVER_ADDRESS=127.0.0.1 \
      SERVER_FORWARD_HEADERS_STRATEGY=native \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/fedsearch?reWriteBatchedInserts=true" \
      SPRING_DATASOURCE_USERNAME=fedsearch \
      SPRING_DATASOURCE_PASSWORD= \
      FEDSEARCH_STATE_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
      FEDSEARCH_STATE_REPLICAS="$REPLICAS" \
      FEDSEARCH_STATE_REDIS_TIMEOUT="$REDIS_TIMEOUT" \
      FEDSEARCH_ADMIN_KEY="$key" \
      "${extra[@]}" \
      sh -c 'cd "$1" && echo $$ > "$2" && exec "$3" -Xms"$4" -Xmx"$4" $7 -jar "$5" >"$6" 2>&1' \
      replica "$DIR/replica-$i" "$DIR/replica-$i.pid" "$java" "$HEAP" "$DIR/fedsearch.jar" \
      "$DIR/logs/replica-$i.log" "${CLUSTER_JAVA_OPTS:-}" </dev/null >/dev/null 2>&1 &
  disown
}

wait_replica() { # wait_replica I SECONDS: until its readiness answers 200; restarts it (twice at most) if it died
  local i=$1 limit=$2 n attempt=1
  for ((n = 0; n < limit * 5; n++)); do
    curl -sf -o /dev/null "http://127.0.0.1:$((REPLICA_PORT + i - 1))/actuator/health/readiness" && return 0
    if [ -f "$DIR/replica-$i.pid" ] && ! alive "$DIR/replica-$i.pid"; then
      # As a supervisor would: on an overloaded machine the first Redis or database connection can time out,
      # and a replica that cannot reach them at start-up stops (docs/redis.md).
      grep -h 'Caused by' "$DIR/logs/replica-$i.log" | tail -n 1 >&2 || true
      [ "$attempt" -lt 3 ] || die "replica $i exited during start-up $attempt times (log: $DIR/logs/replica-$i.log)"
      attempt=$((attempt + 1))
      log "replica $i exited during start-up; starting it again (attempt $attempt of 3)"
      mv "$DIR/logs/replica-$i.log" "$DIR/logs/replica-$i.log.failed"
      start_replica "$i"
    fi
    sleep 0.2
  done
  die "replica $i not ready after ${limit}s (log: $DIR/logs/replica-$i.log)"
}

write_nginx_conf() { # write_nginx_conf N: an upstream of the first N replicas
  local n=$1 i servers=""
  for ((i = 1; i <= n; i++)); do
    servers+="    server 127.0.0.1:$((REPLICA_PORT + i - 1)) max_fails=2 fail_timeout=5s;"$'\n'
  done
  cat > "$DIR/nginx/nginx.conf" <<CONF
# Written by cluster/run.sh: do not edit, it is rewritten at every start and route.
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx/tmp/body;
  proxy_temp_path $DIR/nginx/tmp/proxy;
  fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
  scgi_temp_path $DIR/nginx/tmp/scgi;

  # Round robin. Passive health checks: a replica failing max_fails times in fail_timeout is left out for
  # fail_timeout, then tried again with live traffic.
  upstream fedsearch {
${servers%$'\n'}
    keepalive 64;
  }

  server {
    listen 127.0.0.1:$LB_PORT;
    # Idempotent requests (GET, HEAD, ...) that meet a dead or draining replica go to the next one. POST, PUT,
    # DELETE are never re-sent (no non_idempotent): a click or an admin change is not made twice.
    proxy_next_upstream error timeout http_502 http_503 http_504;
    proxy_next_upstream_tries 3;
    proxy_next_upstream_timeout 15s;
    proxy_connect_timeout 1s;
    # The longest search deadline is 10 s (timeout_ms); exports stream longer, between chunks this applies.
    proxy_read_timeout 30s;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;

    location / {
      proxy_pass http://fedsearch;
    }
    # Server-sent events: each event as soon as it is written.
    location = /api/v1/search/stream {
      proxy_pass http://fedsearch;
      proxy_buffering off;
    }
  }
}
CONF
}

start_nginx() {
  mkdir -p "$DIR/nginx/tmp"
  [ "$(id -u)" -ne 0 ] || chown -R "$RUN_USER" "$DIR/nginx"
  write_nginx_conf "$REPLICAS"
  if alive "$DIR/nginx.pid"; then
    as_user /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s reload
  else
    log "nginx on 127.0.0.1:$LB_PORT in front of $REPLICAS replicas"
    as_user /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" \
      || die "nginx did not start (see above and $DIR/logs/nginx-error.log)"
  fi
}

cmd_start() {
  install_missing
  ensure_user
  mkdir -p "$DIR/logs" "$DIR/sockets" "$DIR/redis" "$DIR/nginx"
  ensure_jar
  [ "$(id -u)" -ne 0 ] || chown -R "$RUN_USER" "$DIR"
  start_postgres
  start_redis
  local i
  for ((i = 1; i <= REPLICAS; i++)); do start_replica "$i"; done
  for ((i = 1; i <= REPLICAS; i++)); do wait_replica "$i" 300; done
  start_nginx
  wait_until 20 nginx curl -sf "http://127.0.0.1:$LB_PORT/actuator/health/readiness"
  log "ready: http://127.0.0.1:$LB_PORT  (admin key: $DIR/admin-key, logs: $DIR/logs)"
}

cmd_route() {
  local n=${1:-$REPLICAS}
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le "$REPLICAS" ] || die "route: 1..$REPLICAS replicas"
  write_nginx_conf "$n"
  as_user /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s reload
  log "nginx now sends to replicas 1..$n"
}

stop_pidfile() { # stop_pidfile NAME PIDFILE SECONDS: SIGTERM, wait, SIGKILL as a last resort
  local name=$1 file=$2 limit=$3 pid i
  alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < limit * 5; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in ${limit}s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

cmd_stop() {
  [ -d "$DIR" ] || { log "nothing to stop"; return 0; }
  local f
  # Replicas first: SIGTERM makes each drain its requests and write its history queue (graceful, <= 30 s).
  for f in "$DIR"/replica-*.pid; do
    if alive "$f"; then
      log "stopping $(basename "$f" .pid)"
      kill -TERM "$(cat "$f")" 2>/dev/null || true
    fi
  done
  for f in "$DIR"/replica-*.pid; do
    if [ -e "$f" ]; then stop_pidfile "$(basename "$f" .pid)" "$f" 60; fi
  done
  if alive "$DIR/nginx.pid"; then log "stopping nginx"; stop_pidfile nginx "$DIR/nginx.pid" 10; fi
  if alive "$DIR/redis.pid"; then log "stopping Redis"; stop_pidfile redis "$DIR/redis.pid" 10; fi
  local bin; bin=$(pg_bin)
  if [ -f "$DIR/pg/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    as_user "$bin/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null || true
  fi
  log "stopped (data kept in $DIR; remove it for a fresh start)"
}

cmd_status() {
  local f up=0
  alive "$DIR/redis.pid" && echo "redis       running (pid $(cat "$DIR/redis.pid"), port $REDIS_PORT)" || echo "redis       stopped"
  if [ -f "$DIR/pg/postmaster.pid" ] && kill -0 "$(head -1 "$DIR/pg/postmaster.pid")" 2>/dev/null; then
    echo "postgresql  running (pid $(head -1 "$DIR/pg/postmaster.pid"), port $PG_PORT)"
  else
    echo "postgresql  stopped"
  fi
  alive "$DIR/nginx.pid" && echo "nginx       running (pid $(cat "$DIR/nginx.pid"), http://127.0.0.1:$LB_PORT)" || echo "nginx       stopped"
  for ((i = 1; i <= REPLICAS; i++)); do
    f="$DIR/replica-$i.pid"
    local port=$((REPLICA_PORT + i - 1))
    if alive "$f"; then
      printf 'replica-%d   running (pid %s, port %d): %s\n' "$i" "$(cat "$f")" "$port" \
        "$(curl -s -m 5 "http://127.0.0.1:$port/actuator/health" | grep -o '"status":"[A-Z_]*"' | tail -1 || true)"
      up=$((up + 1))
    else
      printf 'replica-%d   stopped\n' "$i"
    fi
  done
  [ "$up" -gt 0 ]
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  route) cmd_route "${2:-}" ;;
  *) echo "usage: $0 start|stop|status|route [N]" >&2; exit 2 ;;
esac
