#!/usr/bin/env bash
# Starts a copy of the built distribution on a loopback port and runs a bounded load against it.
# usage: load.sh [SECONDS] [THREADS]   (defaults 60 and 2). Run after `mvn -B verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}; threads=${2:-2}
port=${LOAD_PORT:-18394}
work=$(mktemp -d); pid=""
source "$(dirname "$0")/cleanup.sh"
cleanup() { stop_and_remove "$pid" "$work"; }
trap cleanup EXIT
cp -r "$root/distribution/target/firewalldoors" "$work/fwd"; rm -rf "$work/fwd/data"/*
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port/" "$work/fwd/load/org.apache.felix.http.cfg" "$work/fwd/conf/config.properties"
(cd "$work/fwd" && exec bin/firewalldoors < /dev/null > "$work/run.log" 2>&1) & pid=$!
base="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -u msl.us:demo "$base/records/CallReport?hcpId=warmup")" = 200 ] && break
  sleep 0.5
done
python3 "$here/load.py" "$base" "$seconds" "$threads"
