#!/usr/bin/env bash
# Webhook intake throughput with a durable commit, against a bare platform-http route on the same machine.
# Loopback only; bounded: each load lasts DURATION seconds. Usage: bench/webhook-intake.sh [DURATION] [CONNECTIONS]
# Prints a Markdown block; bench/run-all.sh appends it to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
CONNS=${2:-64}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=$(ls target/atsbridge-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { mvn -q -B -DskipTests package; JAR=$(ls target/atsbridge-*.jar | grep -v original | head -1); }
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
DATA=$(mktemp -d)
TOKEN=bench-token
java -Xmx1g -jar "$JAR" --server.port="$PORT" --atsbridge.data-dir="$DATA/data" --atsbridge.api.tokens=$TOKEN \
  --atsbridge.bench.enabled=true --atsbridge.sandbox.demo=false --logging.level.root=WARN \
  --server.tomcat.threads.max=200 > "$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 0.5; done
BASE="http://127.0.0.1:$PORT"
CONN=$(curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$BASE/api/v1/companies/bench/connection" \
  -d "{\"provider\":\"greenhouse\",\"apiKey\":\"sandbox-bench\",\"onBehalfOf\":\"integrations@demo.example\",\"baseUrl\":\"$BASE/sandbox/greenhouse\",\"connectedBy\":\"bench@example.com\"}")
read -r HOOK SECRET < <(python3 -c 'import json,sys;d=json.loads(sys.argv[1]);print(d["webhook"]["url"].split("/",3)[3], d["webhook"]["secret"])' "$CONN")
BODY='{"action":"ping","payload":{"web_hook_id":1,"endpoint_url":"x","name":"bench \u003cping\u003e","active":true}}'
SIG=$(python3 -c 'import hmac,hashlib,sys;print(hmac.new(sys.argv[1].encode(),sys.argv[2].encode(),hashlib.sha256).hexdigest())' "$SECRET" "$BODY")
LUA="$DATA/post.lua"
cat > "$LUA" <<LUAEOF
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Signature"] = "sha256 $SIG"
local n = 0
request = function()
  n = n + 1
  wrk.headers["Greenhouse-Event-ID"] = "bench-" .. tostring(math.random(1, 2^31)) .. "-" .. n
  return wrk.format(nil)
end
LUAEOF
# warm up both paths, then measure
wrk -t2 -c16 -d3s -s "$LUA" "$BASE/webhooks/bench/noop" >/dev/null
wrk -t2 -c16 -d3s -s "$LUA" "$BASE/$HOOK" >/dev/null
BARE=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$LUA" "$BASE/webhooks/bench/noop" | awk '/Requests\/sec/ {print $2}')
OUT=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$LUA" "$BASE/$HOOK")
INTAKE=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')
P99=$(echo "$OUT" | awk '/ 99%/ {print $2}')
NON2XX=$(echo "$OUT" | awk '/Non-2xx/ {print $4}')
RSS=$(ps -o rss= -p $PID | awk '{printf "%d", $1/1024}')
RECEIPTS=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/companies/bench/webhook-receipts?limit=1" | python3 -c 'import json,sys;print(json.load(sys.stdin)["receipts"][0]["id"])')
cat <<MD
### Webhook intake (durable) vs a bare platform-http route — $(date -u +%Y-%m-%d)
Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB; H2 file database; wrk -t2 -c$CONNS -d${DURATION}s on loopback; app and load generator share the 2 cores.

| route | requests/s |
| --- | --- |
| bare platform-http POST (baseline) | $BARE |
| \`POST /webhooks/greenhouse/{id}\`: HMAC check on raw bytes + group-committed receipt | $INTAKE (p99 $P99, non-2xx: ${NON2XX:-0}) |

Ratio: $(python3 -c "print(f'{float(\"$INTAKE\")/float(\"$BARE\"):.2f}')"); receipts stored (highest id): $RECEIPTS; RSS after the run: ${RSS} MiB.
MD
