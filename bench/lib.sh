# Shared by the bench/*.sh scripts (sourced, not run). Starts and stops the fat jar on loopback, every wait bounded.
# Each script that sources this gets: JAR, WORK (a temp dir removed at exit), TOKEN, and start_app/stop_app.
# shellcheck shell=bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOKEN=bench-token
APP_PID=
WORK=$(mktemp -d "${TMPDIR:-/tmp}/atsbridge-bench.XXXXXX")

bench_cleanup() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# the fat jar; built once when missing (the build needs Maven Central's cache or network)
bench_jar() {
  JAR=$(ls target/atsbridge-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
  if [ -z "$JAR" ]; then
    echo "bench: building the jar (mvn -q -B -DskipTests package)" >&2
    mvn -q -B -DskipTests package >&2
    JAR=$(ls target/atsbridge-*.jar | grep -v '\.original$' | head -1)
  fi
}
bench_jar

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# start_app NAME [java options...] -- [application arguments...]
# Starts the jar from the repository root with its own data dir, sets APP_PID, PORT, MPORT (management port), BASE,
# and READY_S: seconds from exec until GET /actuator/health on the management port answers {"status":"UP"}.
# Fails (exit 1, log on stderr) when the process dies or is not UP within START_TIMEOUT seconds (default 300).
start_app() {
  local name=$1; shift
  local jopts=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jopts+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  args=("$@")
  PORT=$(free_port); MPORT=$(free_port)
  while [ "$MPORT" = "$PORT" ]; do MPORT=$(free_port); done
  BASE="http://127.0.0.1:$PORT"
  APP_LOG="$WORK/$name.log"
  local t0 deadline
  t0=$(date +%s.%N)
  java "${jopts[@]}" -jar "$JAR" --server.port="$PORT" --management.server.port="$MPORT" \
    --atsbridge.api.tokens=$TOKEN --atsbridge.data-dir="$WORK/data-$name" \
    --atsbridge.public-base-url="$BASE" --logging.level.root=WARN "${args[@]}" > "$APP_LOG" 2>&1 &
  APP_PID=$!
  deadline=$(( $(date +%s) + ${START_TIMEOUT:-300} ))
  while :; do
    if curl -s -m 2 "http://127.0.0.1:$MPORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "bench: $name died during start-up:" >&2; tail -40 "$APP_LOG" >&2; APP_PID=; exit 1; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "bench: $name not UP within ${START_TIMEOUT:-300} s" >&2; tail -40 "$APP_LOG" >&2; exit 1; fi
    sleep 0.1
  done
  READY_S=$(python3 -c "print(f'{$(date +%s.%N)-$t0:.1f}')")
}

# stops the running app (SIGTERM, graceful shutdown; SIGKILL after 30 s)
stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

rss_mib() { ps -o rss= -p "$1" | awk '{printf "%d", $1/1024}'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
