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
source "$(dirname "$0")/cleanup.sh"
cleanup() { stop_and_remove "$pid" "$work"; }
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

. "$here/api-checks.sh"
base="http://127.0.0.1:$port/api/v1"
wait_for_api "$base" "$pid" 90 || true
api_checks "$base"

kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then failed=$((failed+1)); echo "FAIL the framework did not stop on SIGTERM"; kill -9 "$pid";
else passed=$((passed+1)); echo "ok   stops cleanly on SIGTERM"; fi
pid=""
[ "$failed" = 0 ] || { echo "--- felix log"; tail -50 "$work/felix.log"; }
echo "felix-stock: $passed passed, $failed failed"
[ "$failed" = 0 ]
