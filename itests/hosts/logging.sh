#!/usr/bin/env bash
# One logging setup that prints, whatever the start order: starts the built distribution as shipped
# (bin/firewalldoors), then again with its bundles shuffled over start levels 1-4 (runs 2..N), and checks
# each console output: Jetty's own startup lines and our INFO lines (a policy swap, a refusal with its
# rule id) are there, SLF4J did not fall back to NOP, and the refused inquiry's text is nowhere.
# Usage: logging.sh [RUNS] (default 3). Run after `mvn -B verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist="$root/distribution/target/firewalldoors"
runs=${1:-3}
[ -d "$dist/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }

work=$(mktemp -d)
pid=""
source "$(dirname "$0")/cleanup.sh"
cleanup() { stop_and_remove "$pid" "$work"; }
trap cleanup EXIT
. "$here/api-checks.sh"

# shuffle COPY: instead of auto-deploying bundle/, install every bundle in random order on a random start level.
shuffle() {
  local copy=$1 jar level key
  local -A lists=()
  sed -i '/^felix\.auto\.deploy\./d' "$copy/conf/config.properties"
  for jar in $(cd "$copy" && ls bundle/*.jar | shuf); do
    level=$((RANDOM % 4 + 1))
    if unzip -p "$copy/$jar" META-INF/MANIFEST.MF | grep -q '^Fragment-Host'; then key=felix.auto.install.$level;
    else key=felix.auto.start.$level; fi
    lists[$key]="${lists[$key]:-} file:$jar"
  done
  { echo "org.osgi.framework.startlevel.beginning=4"
    for key in "${!lists[@]}"; do echo "$key=${lists[$key]}"; done; } >> "$copy/conf/config.properties"
}

# expect NAME 0|1 PATTERN FILE: a check that grep -E finds (1) or does not find (0) PATTERN in FILE.
expect() {
  local name=$1 wanted=$2 pattern=$3 file=$4 found=0
  grep -qE -- "$pattern" "$file" && found=1
  if [ "$found" = "$wanted" ]; then passed=$((passed+1)); echo "ok   $name";
  else failed=$((failed+1)); echo "FAIL $name"; fi
}

for n in $(seq 1 "$runs"); do
  copy="$work/run$n"
  cp -a "$dist" "$copy"
  rm -rf "$copy/data" && mkdir "$copy/data"
  port=$(free_port)
  sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port/" \
    "$copy/load/org.apache.felix.http.cfg" "$copy/conf/config.properties"
  if [ "$n" = 1 ]; then echo "run 1: as shipped"; else shuffle "$copy"; echo "run $n: shuffled start levels"; fi
  (cd "$copy" && exec bin/firewalldoors < /dev/null > "$copy/console.log" 2>&1) &
  pid=$!
  base="http://127.0.0.1:$port/api/v1"
  wait_for_api "$base" "$pid" 60 || true
  # In a shuffled order Configuration Admin may deliver load/*.cfg after the API is up, and the components
  # configured by them then restart: wait until the console has been quiet for 2 s (at most 30 s) before checking.
  for _ in $(seq 1 30); do
    before=$(wc -c < "$copy/console.log"); sleep 2; [ "$(wc -c < "$copy/console.log")" = "$before" ] && break
  done
  wait_for_api "$base" "$pid" 30 || true
  api_checks "$base"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""

  out="$copy/console.log"
  expect "Jetty's own startup line" 1 'INFO org\.eclipse\.jetty\.server\.Server: jetty-12\.' "$out"
  expect "SLF4J did not fall back to NOP" 0 'SLF4J.*(No SLF4J providers|no-operation)' "$out"
  expect "a policy swap at INFO" 1 'INFO [a-zA-Z.]*PolicyRegistry.*: policy us [0-9.]+ for region US active' "$out"
  expect "the refusal at INFO with its rule id" 1 \
    'INFO [a-zA-Z.]*ComplianceInterceptor.*: refused CREATE ScientificInquiry .* rule us\.h2\.[a-z-]+ \(H2\)' "$out"
  expect "no inquiry text in the output" 0 "$(printf '%s' "$REFUSED_INQUIRY_TEXT" | sed 's/[.?*+()]/\\&/g')" "$out"
  if [ "$failed" != 0 ]; then echo "--- run $n"; grep -E '^felix\.auto|beginning' "$copy/conf/config.properties" || true;
    echo "--- console"; tail -40 "$out"; break; fi
done
echo "logging: $passed passed, $failed failed"
[ "$failed" = 0 ]
