#!/usr/bin/env bash
# Start-up time, RSS after start, and board API throughput (GET /api/v1/providers, bearer auth) of the fat jar in
# the embedded default (H2 file database in a temp dir). Loopback only; bounded: RUNS starts, one load of
# DURATION seconds (at most 2,000,000 requests). Prints a Markdown block; bench/run-all.sh appends it to docs/benchmarks.md.
# Usage: bench/startup-and-api.sh [RUNS] [DURATION] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DURATION=${2:-15}
THREADS=${3:-16}
JAR=$(ls target/atsbridge-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { mvn -q -B -DskipTests package; JAR=$(ls target/atsbridge-*.jar | grep -v original | head -1); }
TOKEN=bench-token
WORK=$(mktemp -d)
PID=
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# start the jar; sets PID and PORT, prints seconds from exec to readiness and Spring's own "Started … in" figure
start() {
  PORT=$(free_port)
  local t0 t1
  t0=$(date +%s.%N)
  java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --atsbridge.data-dir="$WORK/data-$1" --atsbridge.api.tokens=$TOKEN --atsbridge.sandbox.demo=false \
    --logging.level.root=WARN --logging.level.io.atsbridge.AtsBridgeApplication=INFO > "$WORK/app-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/app-$1.log" >&2; exit 1; }
    sleep 0.25
  done
  t1=$(date +%s.%N)
  READY=$(python3 -c "print(f'{$t1-$t0:.1f}')")
  STARTED=$(grep -o 'Started AtsBridgeApplication in [0-9.]* seconds' "$WORK/app-$1.log" | awk '{print $4}' || true)
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

ROWS=""
for i in $(seq 1 "$RUNS"); do
  start "$i"
  sleep 5
  RSS=$(ps -o rss= -p "$PID" | awk '{printf "%d", $1/1024}')
  ROWS+="| $i | ${STARTED:-?} | $READY | $RSS |"$'\n'
  [ "$i" -lt "$RUNS" ] && stop
done

# load on the last instance: warm up, then measure
URL="http://127.0.0.1:$PORT/api/v1/providers"
java bench/LoadGen.java "$URL" 4 3 200000 "Authorization=Bearer $TOKEN" >/dev/null
LOAD=$(java bench/LoadGen.java "$URL" "$THREADS" "$DURATION" 2000000 "Authorization=Bearer $TOKEN")
RSS_AFTER=$(ps -o rss= -p "$PID" | awk '{printf "%d", $1/1024}')
UNAUTH=$(java bench/LoadGen.java "$URL" "$THREADS" 5 500000 | sed -n 's/.*rps=\([0-9]*\).*/\1/p')
val() { echo "$LOAD" | sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

cat <<MD
### Start-up, memory and board API throughput — $(date -u +%Y-%m-%d)
Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;
$(java -version 2>&1 | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the cores are shared with other work);
fat jar $(du -m "$JAR" | cut -f1) MB, embedded default (H2 file database), JVM options: \`${JAVA_OPTS:-none}\`.

| run | Spring "Started in" (s) | exec → readiness 200 (s) | RSS 5 s after ready (MiB) |
| --- | --- | --- | --- |
${ROWS}
\`GET /api/v1/providers\` with a bearer token, $THREADS client threads (bench/LoadGen.java, closed loop, same machine), ${DURATION} s
after a 3 s warm-up: **$(val rps) requests/s**, p50 $(val p50_ms) ms, p99 $(val p99_ms) ms, $(val requests) requests, non-2xx $(val non2xx),
errors $(val errors); RSS after the load: ${RSS_AFTER} MiB. Without a token (401 from the security filter, no route): ${UNAUTH} requests/s.
MD
