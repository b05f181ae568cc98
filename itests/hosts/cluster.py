#!/usr/bin/env python3
"""Load over several host nodes, and the check that nothing acknowledged was lost (itests/hosts/cluster.sh).

usage: cluster.py load ACKED_FILE SECONDS THREADS BASE_URL...
         Each thread goes round the nodes, one loop per node: writes an MSL call report, reads it back, reads /me
         (the mix of load.py). A write answered 2xx is acknowledged: its id goes to ACKED_FILE. A node that stops
         answering (killed) is left out from then on. Prints one JSON line of figures.
       cluster.py verify ACKED_FILE BASE_URL
         Reads every acknowledged call report on BASE_URL; prints how many there are and how many are missing.
Only 127.0.0.1 is ever contacted; every loop stops at its deadline.
"""
import base64, http.client, json, sys, threading, time, urllib.parse

auth = lambda user: {"Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(),
                     "Content-Type": "application/json"}


def target(base):
    url = urllib.parse.urlparse(base)
    assert url.hostname in ("127.0.0.1", "localhost"), "the cluster runs on loopback only"
    return url


def load(acked_file, seconds, threads, bases):
    urls = [target(b) for b in bases]
    dead, lock = set(), threading.Lock()
    figures = {"requests": 0, "writes": 0, "acked": 0, "errors": 0, "refusedConnections": 0}
    acked, samples = [], []

    def worker(n, deadline):
        conns = {}
        i = n
        while time.time() < deadline:
            i += 1
            alive = [k for k in range(len(urls)) if k not in dead]
            if not alive:
                return
            k = alive[i % len(alive)]
            u = urls[k]
            try:
                conn = conns.get(k) or http.client.HTTPConnection(u.hostname, u.port, timeout=20)
                conns[k] = conn
                t = time.perf_counter()
                conn.request("POST", u.path + "/records/CallReport",
                             json.dumps({"hcpId": f"cluster-{n}", "notes": f"cluster load {n}-{i}"}), auth("msl.us"))
                r = conn.getresponse(); body = r.read()
                with lock:
                    figures["requests"] += 1; figures["writes"] += 1
                    samples.append(time.perf_counter() - t)
                if r.status not in (200, 201):
                    with lock:
                        figures["errors"] += 1
                    continue
                record = json.loads(body)["id"]
                with lock:
                    figures["acked"] += 1; acked.append(record)
                for path, user in (("/records/CallReport/" + record, "msl.us"), ("/me", "rep.us")):
                    conn.request("GET", u.path + path, headers=auth(user))
                    r = conn.getresponse(); r.read()
                    with lock:
                        figures["requests"] += 1
                        if r.status != 200:
                            figures["errors"] += 1
            except (OSError, http.client.HTTPException):
                conns.pop(k, None)
                with lock:
                    figures["refusedConnections"] += 1
                    dead.add(k)  # killed or gone: the others carry on
        for c in conns.values():
            c.close()

    deadline = time.time() + seconds
    started = time.time()
    pool = [threading.Thread(target=worker, args=(n, deadline)) for n in range(threads)]
    for t in pool: t.start()
    for t in pool: t.join()
    elapsed = time.time() - started
    with open(acked_file, "a") as out:
        for record in acked:
            out.write(record + "\n")
    samples.sort()
    figures.update({"seconds": round(elapsed, 1), "nodes": len(urls), "threads": threads,
                    "requestsPerSecond": round(figures["requests"] / elapsed, 1),
                    "writesPerSecond": round(figures["acked"] / elapsed, 1),
                    "writeP50ms": round(1000 * samples[len(samples) // 2], 1) if samples else None,
                    "writeP99ms": round(1000 * samples[int(len(samples) * 0.99)], 1) if samples else None,
                    "nodesLeftOut": len(dead)})
    print(json.dumps(figures))


def verify(acked_file, base):
    u = target(base)
    with open(acked_file) as f:
        ids = [line.strip() for line in f if line.strip()]
    missing, lock = [], threading.Lock()

    def worker(part):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        for record in part:
            conn.request("GET", u.path + "/records/CallReport/" + record, headers=auth("msl.us"))
            r = conn.getresponse(); r.read()
            if r.status != 200:
                with lock:
                    missing.append(f"{record}: {r.status}")
        conn.close()

    pool = [threading.Thread(target=worker, args=(ids[n::4],)) for n in range(4)]
    for t in pool: t.start()
    for t in pool: t.join()
    print(json.dumps({"acknowledged": len(ids), "missing": len(missing), "examples": missing[:5]}))


if __name__ == "__main__":
    if sys.argv[1] == "load":
        load(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
    elif sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
