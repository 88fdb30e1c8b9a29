#!/usr/bin/env python3
"""Drives a running atsbridge for the benchmarks (standard library only; loopback only; every wait bounded).

  drive.py lever-import BASE TOKEN PID SIZES...   Lever postings import at scale (bench/lever-import.sh)
  drive.py status-latency BASE TOKEN MOVES        signed webhook -> events feed latency (bench/status-latency.sh)
  drive.py intake-check BASE TOKEN COMPANY HOOK_PATH SECRET BODY_FILE N
                                                  N signed webhooks from 16 threads; every 200 must have its receipt

Each prints a Markdown section on stdout; progress goes to stderr.
"""
import base64
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


class Http:
    def __init__(self, base, token):
        host = urllib.parse.urlparse(base).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("loopback targets only: " + str(host))
        self.base = base
        self.token = token

    def call(self, method, path, body=None, basic=None, timeout=30, ok=(200, 201, 202, 204)):
        url = path if path.startswith("http") else self.base + path
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method)
        if basic is not None:
            req.add_header("Authorization", "Basic " + base64.b64encode((basic + ":").encode()).decode())
        elif path.startswith("/api/"):
            req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            raw, status = e.read(), e.code
        if status not in ok:
            raise SystemExit(f"{method} {path} -> HTTP {status}: {raw[:500]!r}")
        return json.loads(raw) if raw else None


def wait_sync(http, company, run_id, timeout_s=600, interval=0.1):
    """Polls a sync run until it is no longer queued/running; returns (run, seconds waited)."""
    t0 = time.perf_counter()
    deadline = t0 + timeout_s
    while True:
        run = http.call("GET", f"/api/v1/companies/{company}/syncs/{run_id}")
        if run["status"] not in ("queued", "running"):
            return run, time.perf_counter() - t0
        if time.perf_counter() > deadline:
            raise SystemExit(f"sync {run_id} still {run['status']} after {timeout_s} s")
        time.sleep(interval)


def settle_syncs(http, company):
    """Waits for whatever import the connection started, then returns (the last finished run)."""
    started = http.call("POST", f"/api/v1/companies/{company}/syncs")
    run, _ = wait_sync(http, company, started["syncRunId"])
    return run


def iso_seconds(s):
    # 2026-11-23T14:28:09.123456Z -> epoch seconds (fractions kept)
    from datetime import datetime
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


# --------------------------------------------------------------------------------------------- JVM memory probes

def heap_after_gc_mib(pid):
    """The live heap in MiB: `jcmd GC.class_histogram` runs a full GC and counts the live objects in the same pause, so
    (unlike GC.run followed by GC.heap_info) nothing the running import allocates in between is counted."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], check=True, capture_output=True, text=True, timeout=180).stdout
    m = re.search(r"^Total\s+\d+\s+(\d+)\s*$", out, re.M)
    if not m:
        raise SystemExit("cannot read jcmd GC.class_histogram: " + out[-300:])
    return int(m.group(1)) / 1048576


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Sampler:
    """Samples RSS (/proc) every 0.2 s and heap/old-gen use (one `jstat -gc PID 250` process) until stopped."""

    def __init__(self, pid):
        self.pid = pid
        self.rss_max = 0.0
        self.heap_max = 0.0
        self.old_max = 0.0
        self.samples = 0
        self._stop = threading.Event()
        self._jstat = subprocess.Popen(["jstat", "-gc", str(pid), "250", "4000"], stdout=subprocess.PIPE, text=True)
        self._t1 = threading.Thread(target=self._rss, daemon=True)
        self._t2 = threading.Thread(target=self._heap, daemon=True)
        self._t1.start()
        self._t2.start()

    def _rss(self):
        while not self._stop.is_set():
            self.rss_max = max(self.rss_max, rss_mib(self.pid))
            self._stop.wait(0.2)

    def _heap(self):
        cols = None
        for line in self._jstat.stdout:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "S0C":
                cols = parts
                continue
            if cols is None or len(parts) != len(cols):
                continue
            v = dict(zip(cols, (float(x) if x not in ("-",) else 0.0 for x in parts)))
            used = v.get("S0U", 0) + v.get("S1U", 0) + v.get("EU", 0) + v.get("OU", 0)
            self.heap_max = max(self.heap_max, used / 1024)
            self.old_max = max(self.old_max, v.get("OU", 0) / 1024)
            self.samples += 1

    def stop(self):
        self._stop.set()
        self._jstat.terminate()
        try:
            self._jstat.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._jstat.kill()
        self._t1.join(timeout=5)
        self._t2.join(timeout=5)


# --------------------------------------------------------------------------------------------- Lever import

def lever_import(base, token, pid, sizes):
    http = Http(base, token)
    lever = base + "/sandbox/lever"
    rows, reimports = [], []
    for size in sizes:
        company = f"bench-lever-{size}"
        key = f"sandbox-bench-{size}-{os.getpid()}"
        http.call("PUT", f"/api/v1/companies/{company}/connection", {
            "provider": "lever", "apiKey": key, "baseUrl": lever, "connectedBy": "bench@example.com"})
        first = settle_syncs(http, company)  # the import the connect started (the 40 seeded postings)
        log(f"{company}: connect import {first['status']}, {first['seen']} postings")
        gen = http.call("POST", lever + "/_control/jobs/generate", {"count": size, "state": "published"}, basic=key)
        log(f"{company}: generated {gen['created']} postings ({gen['postingsTotal']} in the account)")
        heap_before = heap_after_gc_mib(pid)
        rss_before = rss_mib(pid)
        sampler = Sampler(pid)
        t0 = time.perf_counter()
        started = http.call("POST", f"/api/v1/companies/{company}/syncs")
        # the live set in the middle of the run: one full GC once about half the pages are in (polled every 20 ms)
        mid = {}
        half = max(1, (size // 100) // 2)
        def probe(run_id=started["syncRunId"], company=company, half=half):
            deadline = time.perf_counter() + 300
            while time.perf_counter() < deadline:
                r = http.call("GET", f"/api/v1/companies/{company}/syncs/{run_id}")
                if r["status"] not in ("queued", "running"):
                    return
                if r["pages"] >= half:
                    mid["pages"] = r["pages"]
                    mid["live"] = heap_after_gc_mib(pid)
                    return
                time.sleep(0.02)
        timer = threading.Thread(target=probe, daemon=True)
        timer.start()
        run, _ = wait_sync(http, company, started["syncRunId"])
        wall = time.perf_counter() - t0
        timer.join(timeout=120)
        sampler.stop()
        heap_after = heap_after_gc_mib(pid)
        server = iso_seconds(run["finishedAt"]) - iso_seconds(run["startedAt"])
        log(f"{company}: import {run['status']} in {wall:.1f} s, {run['pages']} pages")
        rows.append(dict(size=size, run=run, wall=wall, server=server, heap_before=heap_before, heap_after=heap_after,
                         mid_live=mid.get("live"), mid_pages=mid.get("pages"), heap_peak=sampler.heap_max, old_peak=sampler.old_max, rss_before=rss_before, rss_peak=sampler.rss_max,
                         samples=sampler.samples))
        # the same postings again: nothing may be written
        t0 = time.perf_counter()
        again = http.call("POST", f"/api/v1/companies/{company}/syncs")
        run2, _ = wait_sync(http, company, again["syncRunId"])
        wall2 = time.perf_counter() - t0
        reimports.append(dict(size=size, run=run2, wall=wall2))
        log(f"{company}: unchanged re-import in {wall2:.1f} s: created {run2['created']} updated {run2['updated']}")

    out = ["## 3. Lever postings import at scale", "",
           "Each size gets its own company and Lever sandbox account (`PUT …/connection` with `apiKey: sandbox-…`, "
           "`baseUrl: http://127.0.0.1:P/sandbox/lever`); after the import the connect started (the 40 seeded postings) is "
           "finished, `POST /sandbox/lever/_control/jobs/generate {count, state: published}` adds the postings, then "
           "`POST /api/v1/companies/{c}/syncs` and `GET …/syncs/{id}` every 0.1 s until done. The sandbox paces 10 "
           "requests/s with bursts of 20 per key, like Lever; a page holds 100 postings. Live heap = the total of `jcmd "
           "GC.class_histogram` (a full GC and the count of live objects in one pause); peaks sampled during the run (RSS every 0.2 s from /proc, heap and old "
           "generation every 0.25 s from `jstat -gc`). All sizes in one JVM (default options), one after the other.", "",
           "| postings generated | run | pages | seen | created | updated | unchanged | wall time (s) | run time in the hub (s) | target | "
           "live heap: before → mid-run (at page) → after (MiB) | heap peak / old-gen peak during the run (MiB) | RSS before → peak (MiB) |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    midtxt = lambda r: f"{r['mid_live']:.0f} (page {r['mid_pages']})" if r["mid_live"] is not None else "n/a (run over)"
    for r in rows:
        run = r["run"]
        target = f"≈ {max(1, run['pages']) / 10:.0f} s at 10 req/s" if r["size"] >= 5000 else "—"
        out.append(f"| {r['size']} | {run['status']} | {run['pages']} | {run['seen']} | {run['created']} | {run['updated']} | "
                   f"{run['unchanged']} | {r['wall']:.1f} | {r['server']:.1f} | {target} | {r['heap_before']:.0f} → {midtxt(r)} → {r['heap_after']:.0f} | "
                   f"{r['heap_peak']:.0f} / {r['old_peak']:.0f} | {r['rss_before']:.0f} → {r['rss_peak']:.0f} |")
    out += ["", "Unchanged re-import (the same postings, right after):", "",
            "| postings | run | pages | seen | created | updated | unchanged | wall time (s) | `created == 0` and `updated == 0` |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in reimports:
        run = r["run"]
        ok = run["created"] == 0 and run["updated"] == 0 and run["status"] == "completed"
        out.append(f"| {r['size']} | {run['status']} | {run['pages']} | {run['seen']} | {run['created']} | {run['updated']} | "
                   f"{run['unchanged']} | {r['wall']:.1f} | {'yes' if ok else '**no**'} |")
    if len(rows) >= 2:
        small, big = rows[0], rows[-1]
        ratio = big["size"] / small["size"]
        kept = lambda r: r["heap_after"] - r["heap_before"]
        grew = lambda r: r["rss_peak"] - r["rss_before"]
        held = lambda r: (r["mid_live"] - r["heap_before"]) if r["mid_live"] is not None else None
        hs, hb = held(small), held(big)
        flat = kept(big) <= 16 and (hb is None or hb <= 16)
        out += ["", f"Memory against size ({small['size']} → {big['size']} postings, ×{ratio:.0f}): live heap held in the middle "
                f"of the run (mid-run − before) {'n/a' if hs is None else f'{hs:+.0f}'} → {'n/a' if hb is None else f'{hb:+.0f}'} MiB; "
                f"retained after the run (after − before) {kept(small):+.0f} → {kept(big):+.0f} MiB. **Flat in the number of "
                f"postings** (both within 16 MiB, the H2 page cache's size, at ×{ratio:.0f} the postings): **{'yes' if flat else 'no'}**. "
                f"The heap *peak* ({small['heap_peak']:.0f} → {big['heap_peak']:.0f} MiB) and RSS growth ({grew(small):+.0f} → "
                f"{grew(big):+.0f} MiB) follow the run's length rather than what it holds: G1 grows the young generation during a "
                f"longer run, so garbage accumulates further between collections."]
    print("\n".join(out))


# --------------------------------------------------------------------------------------------- status latency

def status_latency(base, token, moves):
    http = Http(base, token)
    gh = base + "/sandbox/greenhouse"
    company = "bench-gh"
    key = f"sandbox-bench-gh-{os.getpid()}"
    # "Face to Face" matches no default rule (it would be in_review, like "Phone Screen"): the company maps it
    conn = http.call("PUT", f"/api/v1/companies/{company}/connection", {
        "provider": "greenhouse", "apiKey": key, "onBehalfOf": "integrations@demo.example", "baseUrl": gh,
        "connectedBy": "bench@example.com",
        "settings": {"statusMap": [{"match": "face to face", "status": "interviewing"}]}})
    hook_url, secret = conn["webhook"]["url"], conn["webhook"]["secret"]
    settle_syncs(http, company)
    jobs = http.call("GET", f"/api/v1/companies/{company}/jobs?state=open")["jobs"]
    if not jobs:
        raise SystemExit("the Greenhouse sandbox account has no open job")
    http.call("PUT", f"/api/v1/companies/{company}/job-links/bench-job-1", {"atsJobId": jobs[0]["atsJobId"]})
    sub = http.call("POST", f"/api/v1/companies/{company}/applications", {
        "boardApplicationId": "bench-app-1", "boardJobId": "bench-job-1",
        "candidate": {"boardCandidateId": "bench-cand-1", "firstName": "Bench", "lastName": "Mark", "emails": ["bench@example.com"]}})
    deadline = time.time() + 120
    while True:
        d = http.call("GET", f"/api/v1/deliveries/{sub['deliveryId']}")
        if d["status"] == "delivered":
            break
        if d["status"] in ("failed", "dead") or time.time() > deadline:
            raise SystemExit(f"the application delivery ended {d['status']}: {d.get('lastError')}")
        time.sleep(0.2)
    app_id = d["atsRefs"]["atsApplicationId"]
    log(f"application delivered: Greenhouse application {app_id}")
    wh = http.call("POST", gh + "/_control/webhooks", {"name": "atsbridge bench", "url": hook_url, "secret": secret, "events": "all"},
                   basic=key)
    if not wh.get("active", False):
        raise SystemExit("the sandbox saved the webhook inactive (its ping was not answered 200): " + json.dumps(wh)[:300])

    def feed(after):
        return http.call("GET", f"/api/v1/companies/{company}/events?after={after}&limit=1000")

    # the cursor: skip everything already in the feed (job imports, the application's creation)
    cursor = "0"
    for _ in range(1000):
        page = feed(cursor)
        if not page["events"]:
            break
        cursor = page["next"]
    time.sleep(1.0)  # the application-created webhook may still be on its way: drain it too
    page = feed(cursor)
    cursor = page["next"] if page["events"] else cursor

    stages = [("Phone Screen", "in_review"), ("Face to Face", "interviewing")]
    lat, inside, misses, poll_interval = [], [], 0, 0.005
    for i in range(moves):
        stage, status = stages[i % 2]
        t0 = time.perf_counter()
        http.call("POST", gh + f"/_control/applications/{app_id}/move", {"stage": stage}, basic=key)
        found = None
        deadline = t0 + 10
        while found is None and time.perf_counter() < deadline:
            page = feed(cursor)
            for ev in page["events"]:
                data = ev.get("data") or {}
                if ev["type"] == "application.status_changed" and str(data.get("atsApplicationId")) == str(app_id) \
                        and data.get("status") == status:
                    found = ev
            if page["events"]:
                cursor = page["next"]
            if found is None:
                time.sleep(poll_interval)
        if found is None:
            misses += 1
            log(f"move {i + 1} to {stage}: no {status} event within 10 s")
            continue
        lat.append(time.perf_counter() - t0)
        receipts = http.call("GET", f"/api/v1/companies/{company}/webhook-receipts?limit=1")["receipts"]
        if receipts and receipts[0].get("receivedAt"):
            inside.append(iso_seconds(found["occurredAt"]) - iso_seconds(receipts[0]["receivedAt"]))
        time.sleep(0.1)

    def pct(xs, p):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else float("nan")

    ms = lambda s: f"{s * 1000:.0f}"
    ok = lat and max(lat) <= 1.0 and misses == 0
    print("\n".join([
        "## 4. Status latency (signed webhook → events feed)", "",
        "A Greenhouse company on the Greenhouse sandbox (`apiKey: sandbox-…`, `onBehalfOf: integrations@demo.example`, a "
        "company rule `face to face → interviewing`), a linked job, one application sent through `POST "
        "/api/v1/companies/{c}/applications` and delivered, the hub's webhook URL and secret registered in the sandbox "
        "(`POST /sandbox/greenhouse/_control/webhooks`). Then "
        f"{moves} moves through `POST /sandbox/greenhouse/_control/applications/{{id}}/move`, alternating \"Phone Screen\" "
        "(in_review) and \"Face to Face\" (interviewing), 0.1 s apart. Measured from just before the move request until "
        "`GET /api/v1/companies/{c}/events?after=<cursor>` (polled every 5 ms) shows the `application.status_changed` "
        "event with the new status: it includes the sandbox building, signing and POSTing the webhook, the intake's "
        "durable commit, the webhook processor and the event insert.", "",
        "| moves | events seen | p50 (ms) | p95 (ms) | max (ms) | target | inside the hub: receipt → event, p50 / max (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| {moves} | {len(lat)} | {ms(pct(lat, .5))} | {ms(pct(lat, .95))} | {ms(max(lat)) if lat else '—'} | "
        f"≤ 1000 ms: {'met' if ok else '**not met**'} | "
        f"{ms(pct(inside, .5)) if inside else '—'} / {ms(max(inside)) if inside else '—'} |",
        "", f"Moves whose event did not appear within 10 s: {misses}. The inside figure comes from the receipt's `receivedAt` and "
        "the event's `occurredAt` (both from the hub's clock, of the latest receipt)."]))


# --------------------------------------------------------------------------------------------- intake durability

def intake_check(base, token, company, hook_path, secret, body_file, n):
    """Sends n signed webhooks with known event ids from 16 threads (so commits are shared), then checks that every
    id answered 200 has a stored receipt (GET …/webhook-receipts lists dedupe keys, newest first). Prints one line."""
    import hashlib
    import hmac
    from concurrent.futures import ThreadPoolExecutor
    http = Http(base, token)
    template = open(body_file, "rb").read()
    run = f"check-{os.getpid()}-{int(time.time())}"

    def send(i):
        # every request a distinct event with a body of its own
        body = template.replace(b'"web_hook_id":1,', f'"web_hook_id":1,"bench":"{run}-{i}",'.encode())
        sig = "sha256 " + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        key = f"{run}-{i}"  # Greenhouse-Event-ID is the dedupe key
        req = urllib.request.Request(base + "/" + hook_path, data=body, method="POST", headers={
            "Content-Type": "application/json", "Signature": sig, "Greenhouse-Event-ID": f"{run}-{i}"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return key, r.status
        except urllib.error.HTTPError as e:
            return key, e.code
        except OSError:
            return key, 0

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(send, range(n)))
    ok = {k for k, st in results if st == 200}
    stored = {r["dedupeKey"] for r in http.call("GET", f"/api/v1/companies/{company}/webhook-receipts?limit={min(1000, n + 100)}")["receipts"]}
    missing = ok - stored
    print(f"sent={n} ok200={len(ok)} other={n - len(ok)} missing={len(missing)}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "lever-import":
        lever_import(sys.argv[2], sys.argv[3], int(sys.argv[4]), [int(x) for x in sys.argv[5:]] or [1000, 10000])
    elif cmd == "status-latency":
        status_latency(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 50)
    elif cmd == "intake-bodies":
        # N signed bodies, one per line as "<hex signature>\t<body>", for wrk to send each once
        import hashlib, hmac
        secret, template, n, prefix = sys.argv[2], open(sys.argv[3], "rb").read(), int(sys.argv[4]), sys.argv[5]
        with open(sys.argv[6], "wb") as out:
            for i in range(n):
                body = template.replace(b'"web_hook_id":1,', f'"web_hook_id":1,"bench":"{prefix}-{i}",'.encode())
                out.write(hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode() + b"\t" + body + b"\n")
    elif cmd == "intake-check":
        intake_check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7], min(900, int(sys.argv[8])))
    else:
        raise SystemExit(__doc__)
