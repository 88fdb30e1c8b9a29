#!/usr/bin/env bash
# Lever postings import at scale against the built-in Lever sandbox: wall time and pages of a 1,000 and a 10,000
# posting import (target: about 10 s for 10,000 = 100 pages at Lever's 10 requests/s), heap and RSS against the
# number of postings (flat is the target: the import holds one page at a time), then an unchanged re-import
# (created == 0 and updated == 0). Loopback only; every wait bounded (bench/drive.py).
# Usage: bench/lever-import.sh [SIZES...] (default 1000 10000). Prints a Markdown section.
source "$(dirname "$0")/lib.sh"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
start_app lever -- --atsbridge.sandbox.demo=false
python3 bench/drive.py lever-import "$BASE" "$TOKEN" "$APP_PID" "${SIZES[@]}"
echo
echo "Load average at the end: $(loadavg)."
