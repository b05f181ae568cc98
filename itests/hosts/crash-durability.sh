#!/usr/bin/env bash
# Crash durability: kills the distribution's JVM with SIGKILL while two clients write, restarts it, and
# checks that every write acknowledged with a 2xx is there exactly once and that the audit chain verifies.
# Run after `mvn -B verify`. Traffic stays on loopback; every loop is bounded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${CRASH_PORT:-18393}
[ -d "$root/distribution/target/firewalldoors/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work" 2>/dev/null || true; }
}
trap cleanup EXIT
cp -r "$root/distribution/target/firewalldoors" "$work/fwd"
rm -rf "$work/fwd/data"/*
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port/" "$work/fwd/load/org.apache.felix.http.cfg" "$work/fwd/conf/config.properties"
base="http://127.0.0.1:$port/api/v1"

start() {
  (cd "$work/fwd" && exec bin/firewalldoors < /dev/null > "$work/run-$1.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 240); do
    curl -s "$base/health" 2>/dev/null | grep -q '"interception":"UP"' && \
      [ "$(curl -s -o /dev/null -w '%{http_code}' -u msl.us:demo "$base/records/CallReport?hcpId=warmup")" = 200 ] && return 0
    sleep 0.5
  done
  echo "the distribution did not come up"; tail -30 "$work/run-$1.log"; exit 1
}

writer() { # writes call reports until the server dies; records the ids it was told were stored
  local n=$1 i status
  for i in $(seq 1 400); do
    status=$(curl -s -o "$work/w$n.body" -w '%{http_code}' -u msl.us:demo -H 'Content-Type: application/json' \
      -d "{\"hcpId\":\"crash\",\"notes\":\"w$n-$i\"}" "$base/records/CallReport" 2>/dev/null) || break
    if [ "${status:0:1}" = 2 ]; then
      python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['id'])" "$work/w$n.body" >> "$work/acked-$n"
    fi
    # a refused write as well: it must be audited, and the audit chain must survive the crash
    curl -s -o /dev/null -u rep.us:demo -H 'Content-Type: application/json' \
      -d '{"subject":"visit","assignee":"msl.us"}' "$base/records/Task" 2>/dev/null || break
  done
}

start 1
touch "$work/acked-1" "$work/acked-2"
writer 1 & w1=$!
writer 2 & w2=$!
sleep 6
kill -9 "$pid"; pid=""
wait "$w1" "$w2" 2>/dev/null || true
acked=$(cat "$work/acked-1" "$work/acked-2" | wc -l)

start 2
lost=0; twice=0
ids=$(curl -s -u msl.us:demo "$base/records/CallReport?hcpId=crash" | python3 -c "
import json,sys; print('\n'.join(r['id'] for r in json.load(sys.stdin)['records']))")
for id in $(cat "$work/acked-1" "$work/acked-2"); do
  n=$(printf '%s\n' "$ids" | grep -cx "$id" || true)
  [ "$n" = 0 ] && lost=$((lost+1))
  [ "$n" -gt 1 ] && twice=$((twice+1))
done
verify=$(curl -s -u compliance.us:demo "$base/audit/verify")
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""

echo "crash-durability: $acked writes acknowledged before SIGKILL, $lost lost, $twice stored twice; audit: $verify"
failed=0
[ "$acked" -gt 0 ] || { echo "FAIL no write was acknowledged"; failed=1; }
[ "$lost" = 0 ] && [ "$twice" = 0 ] || failed=1
echo "$verify" | grep -q '"valid":true' || { echo "FAIL the audit chain does not verify"; failed=1; }
echo "crash-durability: $((3 - failed)) passed, $failed failed"
[ "$failed" = 0 ]
