#!/usr/bin/env bash
# Runs every benchmark one after the other and rewrites docs/benchmarks.md with their results. Unattended: builds the
# jar when missing, installs wrk with apt-get when missing, loopback only, each script bounded in time and stopping
# what it starts; a failed section is reported in the document instead of aborting the others. About 15–25 minutes
# on 2 cores. Run it on an otherwise idle machine: the numbers are only as quiet as the machine.
# Usage: bench/run-all.sh   (environment: RUNS=3 start-ups per configuration, INTAKE_SECONDS=15, MOVES=50)
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
INTAKE_SECONDS=${INTAKE_SECONDS:-15}
MOVES=${MOVES:-50}
OUT=docs/benchmarks.md
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/atsbridge-bench-all.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
if ! ls target/atsbridge-*.jar 2>/dev/null | grep -qv '\.original$'; then
  mvn -q -B -DskipTests package || { echo "run-all: the build failed" >&2; exit 1; }
fi
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } || echo "run-all: wrk is missing" >&2

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u '+%Y-%m-%d %H:%M UTC')
T_ALL=$SECONDS

# section NAME TIMEOUT_S COMMAND...: its Markdown, or a failure note with the end of its error output
section() {
  local name=$1 limit=$2; shift 2
  echo "run-all: $name ($(date -u +%H:%M:%S))" >&2
  local t0=$SECONDS rc=0
  timeout --signal=TERM --kill-after=30 "$limit" "$@" > "$LOGS/$name.md" 2> "$LOGS/$name.err" || rc=$?
  if [ $rc -eq 0 ]; then
    cat "$LOGS/$name.md"
  else
    echo "## $name: FAILED"
    echo
    echo "\`$*\` ended with status $rc after $((SECONDS - t0)) s (124 = over its ${limit} s limit). The end of its error output:"
    echo
    echo '```'
    tail -20 "$LOGS/$name.err" | cut -c1-200
    echo '```'
  fi
  echo
  echo "*(this section took $((SECONDS - t0)) s)*"
  echo
}

BODY="$LOGS/body.md"
{
  section startup-memory 3000 bench/startup-memory.sh "$RUNS"
  section webhook-intake 900 bench/webhook-intake.sh "$INTAKE_SECONDS" 64
  section lever-import 1200 bench/lever-import.sh 1000 10000
  section status-latency 900 bench/status-latency.sh "$MOVES"
} > "$BODY"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
JAR=$(ls target/atsbridge-*.jar | grep -v '\.original$' | head -1)

{
  cat <<MD
# Benchmarks

Produced by \`bench/run-all.sh\` on $STARTED_AT (took $(( (SECONDS - T_ALL) / 60 )) min); this file is rewritten by every run.

**Machine:** $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -m | awk '/Mem:/ {printf "%.1f GiB", $2/1024}') RAM,
$(uname -sr); $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2).
Jar: \`$JAR\` ($(du -m "$JAR" | cut -f1) MB), commit \`$(git rev-parse --short HEAD 2>/dev/null || echo '?')\`$(git diff --quiet -- . ':!docs/benchmarks.md' 2>/dev/null || echo ' (with local changes)').
**Load average** (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END.

## How to run

\`\`\`bash
bench/run-all.sh                 # everything, rewrites this file (builds the jar if missing; installs wrk if missing)
bench/startup-memory.sh 3        # one section alone prints its Markdown on stdout
bench/webhook-intake.sh 15 64    # DURATION seconds, CONNECTIONS
bench/lever-import.sh 1000 10000 # posting counts
bench/status-latency.sh 50       # moves
\`\`\`

Everything runs on 127.0.0.1 against the fat jar started by each script (H2 file database in a temp dir, which is
removed afterwards); every wait and load is bounded in time and count, and each script stops the JVM it started.
\`bench/drive.py\` (Python standard library) drives the board API and the sandboxes; \`wrk\` makes the webhook load.
(\`bench/startup-and-api.sh\` — board API throughput with \`bench/LoadGen.java\` — is older and not part of this run.)

## Summary

| benchmark | target | section |
| --- | --- | --- |
| start-up: exec → management health UP | ≤ 20 s | 1 |
| webhook intake (durable) vs bare route | ≥ 50 % of the bare route's requests/s; no accepted request lost | 2 |
| Lever import of 10,000 postings | ≈ 10 s (100 pages at 10 req/s); memory flat in the number of postings; unchanged re-import writes nothing | 3 |
| status latency, webhook → events feed | ≤ 1 s | 4 |

MD
  cat "$BODY"
  cat <<MD
## Notes

- **Shared cores.** The load generators (\`wrk\`, \`bench/drive.py\`'s polling, \`jcmd\`/\`jstat\`) run on the same
  $(nproc) cores as the application, and the sandbox ATSs run *inside* the application's JVM (they build, sign and send the
  webhooks and serve the Lever pages). The figures are therefore lower bounds for the hub alone, and the intake and
  bare-route requests/s are what one shared machine does, not the hub's ceiling.
- **Machine load.** Other work on the machine inflates every figure here, start-up most (class loading and JIT are
  CPU-bound). The load average at the start and end is printed above and per section; with a 1-minute load above
  about $(nproc), treat the start-up and throughput figures as pessimistic and rerun \`bench/run-all.sh\` on a quiet machine.
- **Start-up** with the demo companies includes nothing of the demo connections' work before "UP" (they connect on
  \`ApplicationReadyEvent\`), but their imports run during the 5 s before RSS is read.
- **Import memory.** The sandbox keeps its generated postings in the same heap; the live heap "before" is taken after
  they were generated, so *after − before* is what the import retained (the H2 page cache, up to 16 MiB, is part of it).
- **Status latency** is measured from the client's side (before the sandbox move request → event visible), so it
  includes the sandbox's own webhook delivery and the 5 ms polling granularity.
MD
} > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
echo "run-all: wrote $OUT" >&2
