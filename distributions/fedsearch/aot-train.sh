#!/usr/bin/env bash
# Trains the JDK 25 AOT cache (JEP 483/514) for a Fedsearch jar: extracts the jar into Spring Boot's AOT-friendly
# layout, runs it once with -XX:AOTCacheOutput, and leaves DEST/fedsearch.jar + DEST/lib/ + DEST/app.aot.
#
#   distributions/fedsearch/aot-train.sh [JAR] [DEST]
#     JAR   default: distributions/fedsearch/target/fedsearch.jar
#     DEST  default: distributions/fedsearch/target/aot
#   then: java -XX:AOTCache=DEST/app.aot -jar DEST/fedsearch.jar   (from any working directory)
#
# The cache only works with the extracted layout at the same path it was trained at (the class path is checked),
# and with the same JDK build; retrain after every new jar or JDK. A stale or mismatched cache is not an error:
# the JVM warns and starts without it.
#
# The training run is a real start, not spring.context.exit=onRefresh: the app starts in a scratch working
# directory (its own ./data H2 database, a free port, no configured upstream other than the bundled sample),
# waits for readiness UP, then asks one federated search, one seed /search and one suggest so the request path's
# classes are in the cache too, and ends with SIGTERM (graceful shutdown), at which the JVM writes the cache.
# Set JAVA to pick the JDK (default: JAVA_HOME, then a JDK 25+ under /usr/lib/jvm) and TRAIN_ARGS for extra app
# arguments (the same --spring.profiles.active as production gives the cache the same classes).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$(realpath "${1:-$HERE/target/fedsearch.jar}")"
DEST="$(realpath -m "${2:-$HERE/target/aot}")"

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
JAVA=${JAVA:-$(find_java)}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

[ -f "$JAR" ] || { echo "no jar at $JAR (build it: ./mvnw -q -B install -DskipTests)" >&2; exit 1; }
rm -rf "$DEST"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST" >/dev/null
APP="$DEST/$(basename "$JAR")"

work=$(mktemp -d)
port=$(free_port)
pid=
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "training $APP on port $port (log: $DEST/training.log)"
(cd "$work" && exec "$JAVA" -XX:AOTCacheOutput="$DEST/app.aot" -jar "$APP" --server.port="$port" ${TRAIN_ARGS:-}) \
  > "$DEST/training.log" 2>&1 &
pid=$!

base="http://127.0.0.1:$port"
for ((i = 0; i < 1200; i++)); do
  curl -sf "$base/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$pid" 2>/dev/null || { echo "the training run ended before it was ready; see $DEST/training.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health/readiness" | grep -q '"UP"' || { echo "not ready after 120 s" >&2; exit 1; }

# One of each common request, so their classes are loaded (and profiled) before the cache is written.
for path in "/api/v1/search?q=test" "/search?q=paris" "/api/v1/suggest?prefix=pa" "/actuator/health" "/v3/api-docs"; do
  curl -s -o /dev/null "$base$path" || true
done

kill -TERM "$pid"
wait "$pid" || true
pid=
[ -s "$DEST/app.aot" ] || { echo "no cache written; see $DEST/training.log" >&2; exit 1; }
echo "AOT cache: $DEST/app.aot ($(du -h "$DEST/app.aot" | cut -f1))"
echo "run: java -XX:AOTCache=$DEST/app.aot -jar $APP"
