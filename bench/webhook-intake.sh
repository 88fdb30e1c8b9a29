#!/usr/bin/env bash
# Webhook intake throughput with a durable commit, against a bare platform-http route on the same machine.
# POST /webhooks/greenhouse/{id} (HMAC check on the raw bytes + group-committed receipt) vs POST /webhooks/bench/noop
# (a bare platform-http route that reads the body and answers 200, on with --atsbridge.bench.enabled=true).
# Target: the intake serves at least half the bare route's requests/s. Then checks that no accepted request was lost:
# the receipts committed during the measured load (highest receipt id after minus before) must be at least the 200s
# wrk counted. Loopback only; bounded: each load lasts DURATION seconds. Usage: bench/webhook-intake.sh [DURATION] [CONNECTIONS]
# Prints a Markdown section; bench/run-all.sh puts it into docs/benchmarks.md.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-15}
CONNS=${2:-64}
command -v wrk >/dev/null || { apt-get update -qq >&2 && apt-get install -y -qq wrk >&2; }

start_app intake -Xmx1g -- --atsbridge.bench.enabled=true --atsbridge.sandbox.demo=false --server.tomcat.threads.max=200
CONN=$(curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$BASE/api/v1/companies/bench/connection" \
  -d "{\"provider\":\"greenhouse\",\"apiKey\":\"sandbox-bench\",\"onBehalfOf\":\"integrations@demo.example\",\"baseUrl\":\"$BASE/sandbox/greenhouse\",\"connectedBy\":\"bench@example.com\"}")
read -r HOOK SECRET < <(python3 -c 'import json,sys;d=json.loads(sys.argv[1]);print(d["webhook"]["url"].split("/",3)[3], d["webhook"]["secret"])' "$CONN")
# Greenhouse escapes <>& as \u003c… in its bodies: the bytes are signed as sent, so the body goes to wrk through a file
# (a Lua string literal would turn \u003c into something else and every request would be a 401)
BODY='{"action":"ping","payload":{"web_hook_id":1,"endpoint_url":"x","name":"bench \u003cping\u003e","active":true}}'
printf '%s' "$BODY" > "$WORK/body.json"
SIG=$(python3 -c 'import hmac,hashlib,sys;print(hmac.new(sys.argv[1].encode(),open(sys.argv[2],"rb").read(),hashlib.sha256).hexdigest())' "$SECRET" "$WORK/body.json")
# every request is a distinct event with a body of its own, as under real load: signed bodies are generated up front,
# one per line, and each wrk thread sends its share once with its own Greenhouse-Event-ID
python3 bench/drive.py intake-bodies "$SECRET" "$WORK/body.json" 60000 warm "$WORK/warm.tsv"
python3 bench/drive.py intake-bodies "$SECRET" "$WORK/body.json" 300000 run "$WORK/run.tsv"
lua_for() {
  cat <<LUAEOF
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
  thread:set("nthreads", 2)
end
local sigs, bodies, n, i = {}, {}, 0, 0
function init(args)
  local k = 0
  for line in io.lines("$1") do
    if k % nthreads == tid - 1 then
      local tab = string.find(line, "\t", 1, true)
      n = n + 1
      sigs[n] = string.sub(line, 1, tab - 1)
      bodies[n] = string.sub(line, tab + 1)
    end
    k = k + 1
  end
end
function request()
  i = i % n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Signature"] = "sha256 " .. sigs[i],
    ["Greenhouse-Event-ID"] = "bench-" .. tid .. "-" .. i}, bodies[i])
end
LUAEOF
}
lua_for "$WORK/warm.tsv" > "$WORK/warm.lua"
lua_for "$WORK/run.tsv" > "$WORK/run.lua"
highest_receipt() {
  curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/companies/bench/webhook-receipts?limit=1" \
    | python3 -c 'import json,sys;r=json.load(sys.stdin)["receipts"];print(r[0]["id"] if r else 0)'
}
# one signed request by hand first: a wrong signature would otherwise show up only as a non-2xx count
CHECK=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "Signature: sha256 $SIG" \
  -H "Greenhouse-Event-ID: bench-check-$$" --data-binary @"$WORK/body.json" "$BASE/$HOOK")
[ "$CHECK" = 200 ] || { echo "bench: the signed probe got HTTP $CHECK, not 200" >&2; exit 1; }
# warm up both paths, then measure
wrk -t2 -c16 -d5s -s "$WORK/warm.lua" "$BASE/webhooks/bench/noop" >/dev/null
wrk -t2 -c16 -d5s -s "$WORK/warm.lua" "$BASE/$HOOK" >/dev/null
BARE_OUT=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$WORK/run.lua" "$BASE/webhooks/bench/noop")
sleep 2
BEFORE=$(highest_receipt)
OUT=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$WORK/run.lua" "$BASE/$HOOK")
sleep 2  # wrk stops with requests in flight: let their commits land before reading the highest id
AFTER=$(highest_receipt)
# the strict check: known event ids, each one answered 200 must be stored
STRICT=$(python3 bench/drive.py intake-check "$BASE" "$TOKEN" bench "$HOOK" "$SECRET" "$WORK/body.json" 500)
RSS=$(rss_mib "$APP_PID")
SUBJECT=$(grep -c 'could not be stored\|inbox is full' "$APP_LOG" || true)

python3 - "$BARE_OUT" "$OUT" "$BEFORE" "$AFTER" "$RSS" "$DURATION" "$CONNS" "$(loadavg)" "${SUBJECT:-0}" "$(wc -c < "$WORK/body.json")" "$STRICT" <<'PY'
import re, sys
bare, intake, before, after, rss, duration, conns, load, storefail, size, strict = sys.argv[1:]
def parse(out):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    non2xx = int(non2xx.group(1)) if non2xx else 0
    p = {k: re.search(r"^\s+%s%%\s+(\S+)" % k, out, re.M).group(1) for k in ("50", "99")}
    err = re.search(r"Socket errors: (.*)", out)
    return rps, total, non2xx, p, (err.group(1).strip() if err else "none")
b = parse(bare); i = parse(intake)
ratio = i[0] / b[0]
ok200 = i[1] - i[2]
stored = int(after) - int(before)
lost = max(0, ok200 - stored)
sv = dict(kv.split("=") for kv in strict.split())
print(f"""## 2. Webhook intake

`POST /webhooks/greenhouse/{{connectionId}}` (HMAC-SHA256 check on the raw bytes, then the receipt committed to the
H2 file database by the group-committing writer before the 200) against `POST /webhooks/bench/noop` (a bare
platform-http route that reads the body and answers 200; `--atsbridge.bench.enabled=true`). A signed body of about
{size.strip()} bytes, different for every request, each with its own `Greenhouse-Event-ID` (300 000 pre-signed bodies, each
sent at most once); `wrk -t2 -c{conns} -d{duration}s --latency` after a
5 s warm-up of each; JVM `-Xmx1g`, `--server.tomcat.threads.max=200`. Load average at the end: {load}.

| route | requests/s | p50 | p99 | requests | non-2xx | socket errors | target |
| --- | --- | --- | --- | --- | --- | --- | --- |
| bare platform-http route (baseline) | {b[0]:.0f} | {b[3]['50']} | {b[3]['99']} | {b[1]} | {b[2]} | {b[4]} | — |
| webhook intake (durable) | {i[0]:.0f} | {i[3]['50']} | {i[3]['99']} | {i[1]} | {i[2]} | {i[4]} | ≥ 50 % of the baseline: **{ratio:.0%}**, {"met" if ratio >= 0.5 else "**not met**"} |

Durability, under load: wrk counted {ok200} answers 2xx on the intake; the highest receipt id went from {before} to {after}
(**{stored} receipts committed**) — {"no accepted request was lost" if lost == 0 else f"**{lost} accepted requests have no receipt**"}
({f"the {stored - ok200} receipts beyond the 200s are requests in flight when wrk stopped (at most one per connection, {conns}): committed, answer not counted" if stored > ok200 else "one receipt per 200"}{"" if stored - ok200 <= int(conns) else "; **more than one per connection: check**"}).
Durability, strictly: {sv['sent']} signed webhooks with known event ids from 16 threads → {sv['ok200']} answered 200 ({sv['other']} not),
**{sv['missing']} of the 200s without a stored receipt** (looked up by dedupe key in `GET …/webhook-receipts`).
Store failures logged by the app: {storefail}. RSS after the runs: {rss} MiB.
""")
PY
