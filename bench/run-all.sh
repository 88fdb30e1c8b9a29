#!/usr/bin/env bash
# Runs every benchmark and appends their Markdown blocks to docs/benchmarks.md. Loopback only; each script is
# bounded in time (a few minutes in all). Run on an otherwise idle machine: the numbers are only as quiet as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
OUT=docs/benchmarks.md
mkdir -p docs
[ -f "$OUT" ] || printf '# Benchmarks\n\nProduced by `bench/run-all.sh`; newest results at the end.\n' > "$OUT"
{ echo; bench/startup-and-api.sh; } >> "$OUT"
{ echo; bench/webhook-intake.sh; } >> "$OUT"
echo "appended to $OUT"
