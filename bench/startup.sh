#!/usr/bin/env bash
# Start-up time of the public jar: process start to GET /actuator/health/readiness = UP, polled every 25 ms.
#
#   bash bench/startup.sh [N]        N rounds (default 5); each round starts every variant once, in turn (A B C A B C...),
#                                    so all variants share the same machine load
#   bash bench/startup.sh train      only (re)train the AOT cache (distributions/fedsearch/aot-train.sh)
#
# Variants (STARTUP_VARIANTS, default "jar extracted aot"):
#   jar        java -jar distributions/fedsearch/target/fedsearch.jar           (how it is run today)
#   extracted  java -jar target/aot/fedsearch.jar                               (Spring Boot's extracted layout, no cache)
#   aot        java -XX:AOTCache=target/aot/app.aot -jar target/aot/fedsearch.jar
# STARTUP_BASELINE_JAR=/path/to/older/fedsearch.jar adds "base-jar" and "base-aot": the same two for an older build
# (trained into bench/out/base-aot), to compare code changes side by side in the same run.
# Every start gets a fresh scratch working directory (so a new ./data H2 database) and a free port; it is stopped
# with SIGTERM once ready. Builds the jar when missing and trains the cache when missing or older than the jar.
# Reported per start: wall time to readiness UP, and the CPU time (user + system) the JVM used until then, which
# other processes on the machine disturb far less than the wall time. STARTUP_JVM_OPTS and STARTUP_APP_ARGS are
# added to every variant. Logs: bench/out/startup-*.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JAR="$ROOT/distributions/fedsearch/target/fedsearch.jar"
AOT_DIR="$ROOT/distributions/fedsearch/target/aot"
TRAIN="$ROOT/distributions/fedsearch/aot-train.sh"
BASE_JAR=${STARTUP_BASELINE_JAR:+$(realpath "$STARTUP_BASELINE_JAR")}
BASE_AOT_DIR="$OUT/base-aot"
VARIANTS=(${STARTUP_VARIANTS:-jar extracted aot${BASE_JAR:+ base-jar base-aot}})
CLK_TCK=$(getconf CLK_TCK)

ensure_jar() {
  [ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests install) >/dev/null
  ls "$JAR" >/dev/null
}

ensure_cache() {
  if [ ! -s "$AOT_DIR/app.aot" ] || [ "$JAR" -nt "$AOT_DIR/app.aot" ]; then
    JAVA="$JAVA" bash "$TRAIN" "$JAR" "$AOT_DIR"
  fi
  if [ -n "$BASE_JAR" ] && { [ ! -s "$BASE_AOT_DIR/app.aot" ] || [ "$BASE_JAR" -nt "$BASE_AOT_DIR/app.aot" ]; }; then
    JAVA="$JAVA" bash "$TRAIN" "$BASE_JAR" "$BASE_AOT_DIR"
  fi
}

# start_once VARIANT: prints "<ms to readiness UP> <CPU ms until then> <Spring's 'Started ... in' seconds>"; leaves
# the log in bench/out.
start_once() {
  local variant=$1 cmd work port pid t0 t1 cpu=0 ready=0 log="$OUT/startup-$1.log"
  case $variant in
    jar) cmd=("$JAVA" ${STARTUP_JVM_OPTS:-} -jar "$JAR") ;;
    extracted) cmd=("$JAVA" ${STARTUP_JVM_OPTS:-} -jar "$AOT_DIR/fedsearch.jar") ;;
    aot) cmd=("$JAVA" -XX:AOTCache="$AOT_DIR/app.aot" ${STARTUP_JVM_OPTS:-} -jar "$AOT_DIR/fedsearch.jar") ;;
    base-jar) cmd=("$JAVA" ${STARTUP_JVM_OPTS:-} -jar "$BASE_JAR") ;;
    base-aot) cmd=("$JAVA" -XX:AOTCache="$BASE_AOT_DIR/app.aot" ${STARTUP_JVM_OPTS:-} -jar "$BASE_AOT_DIR/$(basename "$BASE_JAR")") ;;
    *) echo "unknown variant $variant" >&2; return 1 ;;
  esac
  work=$(mktemp -d)
  port=$(free_port)
  t0=$(date +%s%N)
  (cd "$work" && exec "${cmd[@]}" --server.port="$port" ${STARTUP_APP_ARGS:-}) > "$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if curl -sf --max-time 1 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      ready=1
      # utime + stime, fields 14 and 15 of /proc/PID/stat (the command name, field 2, has no spaces here)
      cpu=$(awk -v tck="$CLK_TCK" '{print int(($14 + $15) * 1000 / tck)}' "/proc/$pid/stat")
      break
    fi
    (( ($(date +%s%N) - t0) / 1000000000 < 600 )) || break
    sleep 0.025
  done
  t1=$(date +%s%N)
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  if [ $ready -ne 1 ]; then
    echo "$variant did not get ready; see $log" >&2
    return 1
  fi
  local spring
  spring=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$log" | awk '{print $4}' || true)
  echo "$(( (t1 - t0) / 1000000 )) $cpu ${spring:--}"
}

# stats VALUES...: "median | min | max" of integer milliseconds, in seconds.
stats() {
  printf '%s\n' "$@" | sort -n | awk '
    { v[NR] = $1 }
    END {
      median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.2f s | %.2f s | %.2f s", median / 1000, v[1] / 1000, v[NR] / 1000
    }'
}

if [ "${1:-}" = "train" ]; then
  ensure_jar
  JAVA="$JAVA" bash "$TRAIN" "$JAR" "$AOT_DIR"
  exit 0
fi

ROUNDS=${1:-5}
ensure_jar
ensure_cache

declare -A times cpus
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for ((round = 1; round <= ROUNDS; round++)); do
  for variant in "${VARIANTS[@]}"; do
    result=$(start_once "$variant") || exit 1
    read -r ms cpu spring <<< "$result"
    times[$variant]+="$ms "
    cpus[$variant]+="$cpu "
    printf 'round %d %-9s ready %6d ms, CPU %6d ms (Spring: started in %s s)\n' "$round" "$variant" "$ms" "$cpu" \
      "$spring"
  done
done

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo
echo "| variant | runs | ready: median | min | max | CPU to ready: median | min | max |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for variant in "${VARIANTS[@]}"; do
  # shellcheck disable=SC2086
  echo "| $variant | ${ROUNDS} | $(stats ${times[$variant]}) | $(stats ${cpus[$variant]}) |"
done
