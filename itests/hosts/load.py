#!/usr/bin/env python3
"""Bounded load on loopback: N client threads for S seconds against the API; prints throughput, p50, p99, errors.

usage: load.py BASE_URL SECONDS THREADS
Each thread alternates a write (an MSL call report, or a hand-off when the hand-off door is served) and two reads.
Only 127.0.0.1 is ever contacted; every loop stops at its deadline.
"""
import base64, http.client, json, sys, threading, time, urllib.parse

base, seconds, threads = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
url = urllib.parse.urlparse(base)
assert url.hostname in ("127.0.0.1", "localhost"), "load runs on loopback only"
auth = lambda user: {"Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(),
                     "Content-Type": "application/json"}
latencies, errors, lock = [], [], threading.Lock()

def call(conn, method, path, user, body=None):
    start = time.perf_counter()
    conn.request(method, url.path + path, body=json.dumps(body) if body is not None else None, headers=auth(user))
    response = conn.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    with lock:
        latencies.append(elapsed)
        if response.status >= 500 or response.status in (401, 403, 404, 409, 413, 422) and method == "GET":
            errors.append(f"{method} {path} -> {response.status} {data[:120]!r}")
    return response.status, data

def worker(n, deadline, handoff):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    i = 0
    while time.time() < deadline:
        i += 1
        if handoff:
            status, data = call(conn, "POST", "/handoffs", "rep.us", {"hcpId": f"hcp-{n}-{i}",
                "hcpContact": {"email": "dr@example.org"}, "category": "MECHANISM_OF_ACTION",
                "question": "How does the active metabolite reach the target receptor?", "product": "Cardiozan",
                "preferredContact": {"channel": "EMAIL", "window": "mornings"}, "unsolicited": True})
        else:
            status, data = call(conn, "POST", "/records/CallReport", "msl.us",
                                {"hcpId": f"load-{n}", "notes": f"load {n}-{i}"})
        if status not in (200, 201):
            with lock:
                errors.append(f"write -> {status} {data[:120]!r}")
            continue
        record = json.loads(data)["id"]
        call(conn, "GET", ("/handoffs/" if handoff else "/records/CallReport/") + record, "msl.us")
        call(conn, "GET", "/me", "rep.us")
    conn.close()

probe = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
probe.request("GET", url.path + "/health")
handoff = '"ScientificInquiry"' in probe.getresponse().read().decode()
probe.close()
deadline = time.time() + seconds
pool = [threading.Thread(target=worker, args=(n, deadline, handoff)) for n in range(threads)]
started = time.time()
for t in pool: t.start()
for t in pool: t.join()
elapsed = time.time() - started
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0
print(f"load: {threads} threads for {elapsed:.0f} s ({'hand-off submit' if handoff else 'call report write'} + 2 reads): "
      f"{len(latencies)} requests, {len(latencies) / elapsed:.0f} req/s, p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms, "
      f"{len(errors)} errors")
for e in errors[:10]: print("  error:", e)
print(f"load: {1 if not errors and latencies else 0} passed, {1 if errors or not latencies else 0} failed")
sys.exit(1 if errors or not latencies else 0)
