#!/usr/bin/env bash
# Status latency: from a stage move in the Greenhouse sandbox (which POSTs a signed webhook to the hub) until the
# application.status_changed event is visible in GET /api/v1/companies/{c}/events?after=<cursor> (target: within a
# second). Loopback only; every wait bounded (bench/drive.py). Usage: bench/status-latency.sh [MOVES] (default 50).
# Prints a Markdown section.
source "$(dirname "$0")/lib.sh"
MOVES=${1:-50}
start_app status -- --atsbridge.sandbox.demo=false
python3 bench/drive.py status-latency "$BASE" "$TOKEN" "$MOVES"
echo
echo "Load average at the end: $(loadavg)."
