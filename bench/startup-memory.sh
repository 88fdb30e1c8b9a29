#!/usr/bin/env bash
# Start-up time and memory of the fat jar, run as documented from the repository root:
#   java [opts] -jar target/atsbridge-*.jar --server.port=P --management.server.port=M --atsbridge.api.tokens=T --atsbridge.data-dir=<tmp>
# Figure 1: seconds from exec until GET /actuator/health on the management port says UP (target: within 20 s).
# Figure 2: RSS 5 s after healthy. RUNS starts per configuration (default 3), each with a fresh data dir; loopback only.
# Prints a Markdown section. Usage: bench/startup-memory.sh [RUNS]
source "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
SMALL="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

ROWS=""
run_config() { # label, java options (one word list), application arguments
  local label=$1 jopts=$2 args=$3 i readys=() rsss=() started
  for i in $(seq 1 "$RUNS"); do
    # shellcheck disable=SC2086
    start_app "start-$i" $jopts -- $args --logging.level.io.atsbridge.AtsBridgeApplication=INFO
    sleep 5
    readys+=("$READY_S"); rsss+=("$(rss_mib "$APP_PID")")
    started=$(grep -o 'Started AtsBridgeApplication in [0-9.]*' "$APP_LOG" | awk '{print $4}' || true)
    STARTEDS+=("${started:-?}")
    stop_app
    rm -rf "$WORK/data-start-$i"
  done
  ROWS+=$(python3 - "$label" "${readys[*]}" "${rsss[*]}" "${STARTEDS[*]}" <<'PY'
import sys
label, ready, rss, started = sys.argv[1], [float(x) for x in sys.argv[2].split()], [int(x) for x in sys.argv[3].split()], sys.argv[4].split()
ok = "yes" if max(ready) <= 20 else "**no**"
print(f"| {label} | {' / '.join(f'{r:.1f}' for r in ready)} | {max(ready):.1f} | {ok} | {' / '.join(started)} | "
      f"{' / '.join(str(r) for r in rss)} | {max(rss)} |")
PY
)$'\n'
  STARTEDS=()
}
STARTEDS=()
LOAD_BEFORE=$(loadavg)
run_config "default JVM, demo companies on (embedded default)" "" ""
run_config "default JVM, \`--atsbridge.sandbox.demo=false\`" "" "--atsbridge.sandbox.demo=false"
run_config "\`$SMALL\`, demo on" "$SMALL" ""
run_config "\`$SMALL\`, demo off" "$SMALL" "--atsbridge.sandbox.demo=false"
LOAD_AFTER=$(loadavg)

cat <<MD
## 1. Start-up and memory

\`java [JVM options] -jar $JAR --server.port=P --management.server.port=M --atsbridge.api.tokens=T --atsbridge.data-dir=<fresh temp dir>\`
from the repository root (plus \`--logging.level.root=WARN\`), $RUNS starts per configuration. *Ready* = seconds from
exec until \`GET /actuator/health\` on the management port answers \`"status":"UP"\` (polled every 0.1 s);
*Started in* = Spring's own figure from the log; RSS read with \`ps\` 5 s after ready.
Load average before / after this section: $LOAD_BEFORE / $LOAD_AFTER.

| configuration | ready (s), per run | ready, worst (s) | target ≤ 20 s met | Spring "Started in" (s) | RSS 5 s after ready (MiB), per run | RSS worst (MiB) |
| --- | --- | --- | --- | --- | --- | --- |
${ROWS}
MD
