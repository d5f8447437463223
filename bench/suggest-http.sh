#!/usr/bin/env bash
# HTTP: wrk against GET /api/v1/suggest (N past queries seeded at start-up, default 1,000,000) and the warm
# GET /api/v1/trending, beside nginx serving a static file of the same size. About 4 minutes on 2 cores.
# suggest-typo repeats one typo (its compiled one-edit query is cached); suggest-typo-unseen asks a new one each time.
# Usage: bench/suggest-http.sh [N]
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
install_tools
JAR=$(build_jar)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)/bin/java}
[ -x "$JAVA" ] || JAVA=java

# Seed: N distinct 2-4 word queries over a 5,000-word vocabulary, "asks<TAB>query".
SEED="$OUT/suggest-seed.tsv"
awk -v n="$N" 'BEGIN { srand(42); split("ne u tri no so lar quan tum gra vi ta ti on al dark mat ter ex o pla net cos mic ray spin glass field the ory", s, " ");
  for (i = 1; i <= 5000; i++) { w = ""; k = 2 + int(rand() * 3); for (j = 0; j < k; j++) w = w s[1 + int(rand() * 29)]; v[i] = w }
  while (c < n) { k = 2 + int(rand() * 3); q = v[1 + int(rand() * 5000)]; for (j = 1; j < k; j++) q = q " " v[1 + int(rand() * 5000)];
    if (!(q in seen)) { seen[q] = 1; c++; print (1 + int(rand() * 50)) "\t" q } } }' > "$SEED"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$JAVA" -Xms2g -Xmx3g ${BENCH_JVM_OPTS:-} -jar "$JAR" "${BENCH_APP_ARGS[@]}" --server.port="$PORT" --spring.datasource.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
  --fedsearch.insights.suggest-history-seed="$SEED" --logging.level.fedsearch.request=WARN \
  --management.metrics.distribution.percentiles.http.server.requests=0.5,0.99 > "$OUT/suggest-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; stop_nginx $NGINX_PORT' EXIT
wait_http "http://127.0.0.1:$PORT/actuator/health" 300

URL="http://127.0.0.1:$PORT/api/v1/suggest?prefix=quantu&limit=10"
curl -s "$URL" > "$OUT/suggest-answer.json"
start_nginx_static "$NGINX_PORT" "$OUT/suggest-answer.json"
echo "| run | req/s | p50 | p99 |"
echo "| --- | --- | --- | --- |"
# First, so the app's own timer (Micrometer, a 2-minute decaying window) holds only this run: a second opinion on
# wrk's latencies for the one run ab cannot repeat (a different URL every request).
run_wrk suggest-typo-unseen "http://127.0.0.1:$PORT/api/v1/suggest?limit=10" "$(dirname "$0")/unseen-typo.lua"
curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | awk -F'[{} ]' '/^http_server_requests_seconds\{/ && /uri="\/api\/v1\/suggest"/ && /quantile/ {
  q = $0; sub(/.*quantile="/, "", q); sub(/".*/, "", q); v[q] = $NF * 1000 }
  END { printf "| suggest-typo-unseen (app timer) | | %.2fms | %.2fms |\n", v["0.5"], v["0.99"] }'
run_wrk suggest-prefix "$URL"
run_wrk suggest-typo "http://127.0.0.1:$PORT/api/v1/suggest?prefix=quatnu&limit=10"
run_ab suggest-prefix "$URL"
run_ab suggest-typo "http://127.0.0.1:$PORT/api/v1/suggest?prefix=quatnu&limit=10"
run_wrk trending-warm "http://127.0.0.1:$PORT/api/v1/trending?days=7&limit=5"
run_wrk nginx-static "http://127.0.0.1:$NGINX_PORT/static.json"
