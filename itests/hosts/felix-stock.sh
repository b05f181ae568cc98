#!/usr/bin/env bash
# Installs the product into a stock Apache Felix 7.0.5 (the org.apache.felix.main launcher as bin/felix.jar,
# the default conf/config.properties of the Felix distribution, the Gogo bundles in bundle/), starts it
# headless, checks that our services answer over HTTP, and stops it. Run after `mvn -B verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist="$root/distribution/target/firewalldoors"
port=${FELIX_STOCK_PORT:-18391}
[ -d "$dist/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
felix="$work/felix"
mkdir -p "$felix/bin" "$felix/bundle" "$felix/conf"

# The stock launcher and Gogo, as the Felix main distribution lays them out.
cp "$dist/bin/felix.jar" "$felix/bin/felix.jar"
cp "$dist"/bundle/org.apache.felix.gogo.*.jar "$felix/bundle/"
cat > "$felix/conf/config.properties" <<'CFG'
# The defaults of the Apache Felix 7 main distribution.
org.osgi.framework.storage.clean=onFirstInit
felix.auto.deploy.action=install,start
felix.log.level=1
felix.startlevel.bundle=1
CFG

# Our bundles and their runtime dependencies: what the distribution resolved, minus what the host has.
for jar in "$dist"/bundle/*.jar; do
  case "$(basename "$jar")" in org.apache.felix.gogo.*) ;; *) cp "$jar" "$felix/bundle/";; esac
done
cp "$dist/conf/users.json" "$felix/conf/users.json"

cd "$felix"
java -Dorg.osgi.service.http.port="$port" -Dorg.apache.felix.http.host=127.0.0.1 -Dgosh.args=--nointeractive \
  -jar bin/felix.jar < /dev/null > "$work/felix.log" 2>&1 &
pid=$!

base="http://127.0.0.1:$port/api/v1"
passed=0; failed=0
check() { # name, expected status, curl args...
  local name=$1 expected=$2; shift 2
  local status
  status=$(curl -s -o "$work/body" -w '%{http_code}' "$@" || true)
  if [ "$status" = "$expected" ]; then passed=$((passed+1)); echo "ok   $name ($status)";
  else failed=$((failed+1)); echo "FAIL $name: expected $expected, got $status: $(head -c 300 "$work/body")"; fi
}

for _ in $(seq 1 180); do
  # Up means: the API answers and the US policy is active (until then guarded operations fail closed).
  curl -s -u compliance.us:demo "$base/policies" 2>/dev/null | grep -q '"US":{' && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
check "health without credentials" 200 "$base/health"
check "principal of rep.us" 200 -u rep.us:demo "$base/me"
check "no credentials" 401 "$base/me"
check "A3 refused: rep assigns a task to an MSL" 403 -u rep.us:demo -H 'Content-Type: application/json' \
  -d '{"subject":"visit Dr. Heart","assignee":"msl.us"}' "$base/records/Task"
check "H2 refused: a hand-off with commercial context" 422 -u rep.us:demo -H 'Content-Type: application/json' \
  -d '{"hcpId":"hcp-1","hcpContact":{"email":"dr@example.org"},"category":"OFF_LABEL_USE","question":"She is a top decile prescriber: is it safe in CKD?","product":"Cardiozan","preferredContact":{"channel":"EMAIL","window":"mornings"},"unsolicited":true}' \
  "$base/handoffs"
check "an MSL call report is stored" 201 -u msl.us:demo -H 'Content-Type: application/json' \
  -d '{"hcpId":"hcp-1","notes":"journal club"}' "$base/records/CallReport"

kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then failed=$((failed+1)); echo "FAIL the framework did not stop on SIGTERM"; kill -9 "$pid";
else passed=$((passed+1)); echo "ok   stops cleanly on SIGTERM"; fi
pid=""
[ "$failed" = 0 ] || { echo "--- felix log"; tail -50 "$work/felix.log"; }
echo "felix-stock: $passed passed, $failed failed"
[ "$failed" = 0 ]
