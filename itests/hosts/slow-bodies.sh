#!/usr/bin/env bash
# Slow request bodies: starts a copy of the built distribution on a free loopback port, opens 250 connections
# that each send a POST with Content-Length 100000 and then trickle its body a byte every few seconds, and
# meanwhile measures GET /api/v1/health (50 requests). Fails when health p99 reaches 1000 ms, when any health
# request fails, or when the server has not closed every slow connection within its configured timeouts
# (the host's body timeout plus the HTTP idle timeout). Run after `mvn -B verify`; takes under a minute.
# usage: slow-bodies.sh [CONNECTIONS] [CONTENT_LENGTH] [PATH]   (defaults 250, 100000, /api/v1/session)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=api-checks.sh
source "$here/api-checks.sh"
connections=${1:-250}; length=${2:-100000}; target=${3:-/api/v1/session}
[ -d "$root/distribution/target/firewalldoors/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }
port=${SLOW_PORT:-$(free_port)}
work=$(mktemp -d); pid=""
cleanup() { # stop the server and wait for it, so that it writes no file while its folder is removed
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work" 2>/dev/null || true; }
}
trap cleanup EXIT
cp -r "$root/distribution/target/firewalldoors" "$work/fwd"; rm -rf "$work/fwd/data"/*
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port/" "$work/fwd/load/org.apache.felix.http.cfg" "$work/fwd/conf/config.properties"
# The timeouts the server runs with: the HTTP idle timeout (ms) and the host's body timeout (s, default 10).
idle_ms=$(sed -n 's/^org.apache.felix.http.timeout=//p' "$work/fwd/load/org.apache.felix.http.cfg" | tail -1)
body_s=$(sed -n 's/^bodyTimeoutSeconds=//p' "$work/fwd/load/org.firewalldoors.host.cfg" 2>/dev/null | tail -1)
idle_ms=${idle_ms:-60000}; body_s=${body_s:-10}
(cd "$work/fwd" && exec bin/firewalldoors < /dev/null > "$work/run.log" 2>&1) & pid=$!
base="http://127.0.0.1:$port/api/v1"
wait_for_api "$base" "$pid" 120 || { echo "the distribution did not come up"; tail -30 "$work/run.log"; exit 1; }

python3 - "$port" "$connections" "$length" "$target" "$idle_ms" "$body_s" <<'PY'
import socket, sys, time, threading, http.client
port, connections, length, target = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
idle_ms, body_s = int(sys.argv[5]), int(sys.argv[6])
TRICKLE = 3.0                                   # seconds between two bytes of a slow body
# when every slow connection must be closed by the server (at most 45 s after they opened, to stay short)
bound = min(45, body_s + idle_ms / 1000.0 + TRICKLE + 3)

slow = []   # [socket, opened_at, closed_at or None]
for _ in range(connections):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
               "Content-Length: %d\r\n\r\n{" % (target, port, length)).encode("ascii"))
    s.setblocking(False)
    slow.append([s, time.monotonic(), None])

stop = False
def trickle():
    last = 0.0
    while not stop:
        now = time.monotonic()
        for c in slow:
            if c[2] is not None:
                continue
            try:
                while True:
                    data = c[0].recv(65536)
                    if not data:
                        c[2] = now; break
            except BlockingIOError:
                pass
            except OSError:
                c[2] = now
            if c[2] is None and now - last >= TRICKLE:
                try:
                    c[0].send(b" ")
                except BlockingIOError:
                    pass
                except OSError:
                    c[2] = now
        if now - last >= TRICKLE:
            last = now
        time.sleep(0.1)
t = threading.Thread(target=trickle, daemon=True); t.start()

latencies, failed = [], 0
budget = time.monotonic() + 30   # a starved server must not make this script run for minutes
for i in range(50):
    if time.monotonic() > budget:
        failed += 1; latencies.append(2000.0); continue
    start = time.monotonic()
    try:
        h = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        h.request("GET", "/api/v1/health")
        r = h.getresponse(); r.read(); h.close()
        if r.status != 200:
            failed += 1
    except Exception:
        failed += 1
    latencies.append((time.monotonic() - start) * 1000)
    time.sleep(0.2)

deadline = min(c[1] for c in slow) + bound
while time.monotonic() < deadline and any(c[2] is None for c in slow):
    time.sleep(0.25)
stop = True; t.join()
still_open = sum(1 for c in slow if c[2] is None)
lifetimes = sorted(c[2] - c[1] for c in slow if c[2] is not None)
for c in slow:
    c[0].close()
latencies.sort()
p99 = latencies[min(len(latencies) - 1, int(round(0.99 * len(latencies))) - 1)]
longest = lifetimes[-1] if lifetimes else float("nan")
print("slow bodies: %d slow connections, health p99 %d ms, %d of 50 failed; %d closed by the server "
      "(longest %.1f s, bound %.0f s = body %d s + idle %d s + trickle), %d still open"
      % (connections, p99, failed, len(lifetimes), longest, bound, body_s, idle_ms // 1000, still_open))
sys.exit(1 if p99 >= 1000 or failed > 0 or still_open > 0 else 0)
PY
