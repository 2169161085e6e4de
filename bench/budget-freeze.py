#!/usr/bin/env python3
"""Contention on one budget line: N requirements submitted at once against a line that holds
exactly K of them. Measures the submissions' latency and throughput and checks the outcome: K
freezes, N-K refusals (BUDGET_INSUFFICIENT), free balance exactly what is left, ledger consistent.

Needs a running platform in demo mode (./sunshine run [--db postgres]).
Usage: bench/budget-freeze.py [N] [K] [BASE_URL]
"""
import concurrent.futures
import datetime
import json
import statistics
import sys
import time
import urllib.error
import urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 50
K = int(sys.argv[2]) if len(sys.argv) > 2 else 20
BASE = sys.argv[3] if len(sys.argv) > 3 else "http://localhost:8080"
PASSWORD = "Demo#2026"


def call(method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def token(user):
    status, body = call("POST", "/api/v1/auth/token", body={"username": user, "password": PASSWORD})
    assert status == 200, body
    return body["token"]


finance, purchaser = token("finance1"), token("purchaser1")
status, lines = call("GET", "/api/v1/budget/lines", purchaser)
unit = lines[0]["unitId"]
today = datetime.date.today()
status, line = call("POST", "/api/v1/budget/lines", finance, {
    "fiscalYear": today.year, "code": "BENCH-%d" % time.time_ns(), "name": "bench",
    "unitId": unit, "functionalCode": "2050299", "economicCode": "31002",
    "fundingSource": "GENERAL_PUBLIC_BUDGET", "approved": "%d.00" % (K * 1000)})
assert status == 201, line
ids = []
for i in range(N):
    status, r = call("POST", "/api/v1/requirements", purchaser, {
        "title": "bench %d" % i, "budgetLineId": line["id"], "method": "COMPETITIVE_CONSULTATION",
        "plannedStart": str(today + datetime.timedelta(days=40)),
        "items": [{"catalogueCode": "A02010105", "name": "pc", "quantity": "1", "unit": "台",
                   "unitPrice": "1000.00"}]})
    assert status == 201, r
    ids.append(r["id"])


def submit(rid):
    t = time.perf_counter()
    status, body = call("POST", "/api/v1/requirements/%d/submission" % rid, purchaser)
    return status, (body or {}).get("code"), time.perf_counter() - t


start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=N) as pool:
    results = list(pool.map(submit, ids))
wall = time.perf_counter() - start
ok = sum(1 for s, _, _ in results if s == 200)
refused = sum(1 for s, c, _ in results if s == 422 and c == "BUDGET_INSUFFICIENT")
other = N - ok - refused
lat = sorted(r[2] * 1000 for r in results)
status, detail = call("GET", "/api/v1/budget/lines/%d" % line["id"], finance)
status, check = call("GET", "/api/v1/budget/lines/%d/verification" % line["id"], finance)
print("submissions: %d concurrent against room for %d" % (N, K))
print("frozen: %d   refused (BUDGET_INSUFFICIENT): %d   other: %d" % (ok, refused, other))
print("free balance after: %s   ledger consistent: %s" % (detail["line"]["free"], check["consistent"]))
print("wall time: %.2f s   throughput: %.1f submissions/s" % (wall, N / wall))
print("latency ms: median %.0f   p95 %.0f   max %.0f" % (
    statistics.median(lat), lat[int(0.95 * (len(lat) - 1))], lat[-1]))
sys.exit(0 if ok == K and refused == N - K and float(detail["line"]["free"]) == 0 else 1)
