#!/usr/bin/env bash
# Installs the product into a stock Apache Karaf 4.4 through our feature repository, as README
# "Installing into Apache Karaf" describes: Karaf from Maven Central (cached in the local Maven
# repository), the features resolved offline from distribution/target/karaf-repo/, the commands
# typed over bin/client. Then it checks the API, that every bundle of ours is Active, that our
# INFO refusal line (with its rule id) reached Karaf's log without the inquiry text, that
# feature:uninstall removes our bundles cleanly and installing again finds the stored records, and
# that Karaf stops. Run after `mvn -B verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
repo="$root/distribution/target/karaf-repo"
karaf_version=4.4.10
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/distribution/pom.xml" | head -1)
[ -f "$repo/org/firewalldoors/distribution/$version/distribution-$version-features.xml" ] \
  || { echo "build first: mvn -B verify" >&2; exit 2; }

work=$(mktemp -d)
karaf="$work/apache-karaf-$karaf_version"
cleanup() {
  local pid
  pid=$(cat "$karaf/karaf.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    "$karaf/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work" 2>/dev/null || true; }
}
trap cleanup EXIT
. "$here/api-checks.sh"

# Karaf itself, through Maven: the first run downloads it into the local Maven repository.
mvn -B -q dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" -DoutputDirectory="$work"
tar xzf "$work/apache-karaf-$karaf_version.tar.gz" -C "$work"
etc="$karaf/etc"
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

# Free ports for SSH (bin/client), JMX and our HTTP API, so that nothing else on the machine is disturbed.
ssh_port=$(free_port); rmi_registry=$(free_port); rmi_server=$(free_port); http_port=$(free_port)
sed -i "s/^sshPort *=.*/sshPort = $ssh_port/; s/^sshHost *=.*/sshHost = 127.0.0.1/" "$etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmi_registry/; s/^rmiServerPort *=.*/rmiServerPort = $rmi_server/" \
  "$etc/org.apache.karaf.management.cfg"
# An administrator for bin/client (Karaf ships it commented out).
sed -i 's/^#karaf = karaf,_g_:admingroup/karaf = karaf,_g_:admingroup/; s/^#_g_\\:admingroup/_g_\\:admingroup/' "$etc/users.properties"
# Offline: bundles come from the build's repository folder (and Karaf's system/), never from the network.
cat >> "$etc/org.ops4j.pax.url.mvn.cfg" <<CFG

# itests/hosts/karaf.sh: offline, from the build's repository folder
org.ops4j.pax.url.mvn.localRepository=$work/m2
org.ops4j.pax.url.mvn.repositories=
org.ops4j.pax.url.mvn.defaultRepositories=file:$karaf/system@id=system.repository@snapshots, file:$repo@id=firewalldoors@snapshots
CFG
# Where our host finds conf/users.json and keeps data/ (framework property firewalldoors.home).
mkdir -p "$karaf/firewalldoors/conf"
cp "$root/distribution/src/layout/conf/users.json" "$karaf/firewalldoors/conf/users.json"
echo 'firewalldoors.home = ${karaf.base}/firewalldoors' >> "$etc/custom.properties"
# The port of Felix HTTP (our API), as Configuration Admin configuration that FileInstall reads from etc/.
printf 'org.osgi.service.http.port=%s\norg.apache.felix.http.host=127.0.0.1\n' "$http_port" > "$etc/org.apache.felix.http.cfg"

started=$(date +%s)
"$karaf/bin/start"
for _ in $(seq 1 60); do [ -s "$karaf/karaf.pid" ] && break; sleep 0.5; done
karaf_pid=$(cat "$karaf/karaf.pid")
# bin/client in batch mode: the commands on standard input, as typed at the karaf@root()> prompt.
client() { printf '%s\n' "$@" | "$karaf/bin/client" -u karaf -p karaf -r 60 -d 1 -b 2>&1 | { grep -v 'JAVA_HOME not set' || true; }; }

table() { # STATE SYMBOLIC-NAME lines of bundle:list
  client "bundle:list -t 0 -s --no-format" \
    | awk -F'\t' '$1 ~ /^ *[0-9]+ *$/ { for (i = 1; i <= NF; i++) gsub(/^ +| +$/, "", $i); print $2, $5 }'
}
table > "$work/before.txt"
# The two commands of the README.
client "feature:repo-add mvn:org.firewalldoors/distribution/$version/xml/features"
client "feature:install firewalldoors" | tee "$work/install.log"

base="http://127.0.0.1:$http_port/api/v1"
if wait_for_api "$base" "$karaf_pid" 90; then passed=$((passed+1)); echo "ok   API up $(( $(date +%s) - started )) s after bin/start";
else failed=$((failed+1)); echo "FAIL the API did not come up"; fi
api_checks "$base"

# Our bundles resolve and start without start-level tricks: every one of them is Active, and nothing that was
# Active before is not any more (Karaf's framework extension fragment stays Resolved, as it always is).
table > "$work/after.txt"
ours=$(grep -c ' org\.firewalldoors\.' "$work/after.txt" || true)
expected=$(grep -c '<bundle>mvn:org.firewalldoors/' "$repo/org/firewalldoors/distribution/$version/distribution-$version-features.xml")
inactive=$(grep -v '^Active ' "$work/after.txt" | grep -vxFf <(grep -v '^Active ' "$work/before.txt") || true)
if [ "$ours" = "$expected" ] && [ -z "$inactive" ]; then passed=$((passed+1)); echo "ok   every bundle is Active ($ours of them ours)";
else failed=$((failed+1)); echo "FAIL bundles of ours: $ours of $expected; not Active:"; echo "$inactive"; fi
# Installing the feature refreshed none of Karaf's bundles.
if grep -q 'Refreshing bundles' "$karaf/data/log/karaf.log"; then failed=$((failed+1)); echo "FAIL bundles were refreshed:";
  grep -A8 'Refreshing bundles' "$karaf/data/log/karaf.log" | cut -c1-200 | tail -9
else passed=$((passed+1)); echo "ok   no bundle of the container was refreshed"; fi

# Our INFO lines reach Karaf's log (pax-logging): the refusal names its rule, never the inquiry text.
log="$karaf/data/log/karaf.log"
if grep -q 'refused CREATE ScientificInquiry .* rule us\.h2\.[a-z-]* (H2)' "$log"; then passed=$((passed+1)); echo "ok   the refusal is logged with its rule id";
else failed=$((failed+1)); echo "FAIL no refusal line with rule H2 in karaf.log"; fi
if grep -qF "$REFUSED_INQUIRY_TEXT" "$log"; then failed=$((failed+1)); echo "FAIL karaf.log contains the inquiry text";
else passed=$((passed+1)); echo "ok   karaf.log holds no inquiry text"; fi

# feature:uninstall takes every bundle of ours out and leaves the container as it was; installing again
# serves the records stored before (they live in the host's data folder, not in the bundles).
client "feature:uninstall firewalldoors" > "$work/uninstall.log"
table > "$work/uninstalled.txt"
left=$(grep -c ' org\.firewalldoors\.' "$work/uninstalled.txt" || true)
changed=$(diff <(sort "$work/before.txt") <(sort "$work/uninstalled.txt") || true)
if [ "$left" = 0 ] && [ -z "$changed" ]; then passed=$((passed+1)); echo "ok   feature:uninstall leaves exactly the bundles there were before, in their states";
else failed=$((failed+1)); echo "FAIL after feature:uninstall: $left bundles of ours left; bundles before vs after:"; echo "$changed"; fi
code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -u msl.us:demo "$base/me" || true)
if [ "$code" != 200 ]; then passed=$((passed+1)); echo "ok   the API is gone after feature:uninstall (HTTP $code)";
else failed=$((failed+1)); echo "FAIL the API still answers after feature:uninstall"; fi
client "feature:install firewalldoors" > "$work/reinstall.log"
if wait_for_api "$base" "$karaf_pid" 90 \
   && curl -s -m 10 -u msl.us:demo "$base/records/CallReport?hcpId=hcp-1" | grep -q 'journal club'; then
  passed=$((passed+1)); echo "ok   feature:install again: API up, the call report stored before is there"
else failed=$((failed+1)); echo "FAIL after installing again: API down or the stored call report is missing"; cat "$work/reinstall.log"; fi

"$karaf/bin/stop"
for _ in $(seq 1 60); do kill -0 "$karaf_pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$karaf_pid" 2>/dev/null; then failed=$((failed+1)); echo "FAIL Karaf did not stop";
else passed=$((passed+1)); echo "ok   bin/stop stops Karaf"; fi
[ "$failed" = 0 ] || { echo "--- karaf.log"; tail -60 "$log"; }
echo "karaf: $passed passed, $failed failed"
[ "$failed" = 0 ]
