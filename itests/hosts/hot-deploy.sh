#!/usr/bin/env bash
# Hot deploy under load: a new version of the US policy bundle (a copy of the shipped jar with a higher
# Bundle-Version, policy version and a changed A3 message, made here without network) is dropped into load/
# while load.py runs and a commercial user keeps trying a refused operation (A3). Checks: the new version
# decides (GET /policies, firewall:policies, the changed message), the shipped version is reported superseded,
# 0 errors and 0 5xx during the swap, every refusal decided and audited with a policy version (nothing
# unevaluated), the new version still decides after a restart, and removing the jar brings the old one back.
# Run after `mvn -B verify`. Traffic stays on loopback.
set -euo pipefail
source "$(dirname "$0")/distribution.sh"
fwd_prepare "${HOTDEPLOY_PORT:-18396}"
seconds=${1:-12}

us_policy() { curl -s -u compliance.us:demo "$base/policies" | json "d['US']['version'] + ' ' + d['US']['source']"; }
await_policy() { # version
  for _ in $(seq 1 100); do us_policy | grep -q "^$1 " && return 0; sleep 0.1; done; return 1
}

fwd_start 1
old=$(us_policy)
shipped=$(ls "$work/fwd/bundle/"policy-us-*.jar)
new_version=$(python3 - "$shipped" "$work/policy-us-next.jar" <<'PY'
import json, re, sys, zipfile
src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            text = data.decode()
            major = int(re.search(r"^Bundle-Version: (\d+)", text, re.M).group(1))
            text = re.sub(r"^Bundle-Version: .*$", f"Bundle-Version: {major + 1}.0.0", text, count=1, flags=re.M)
            data = text.encode()
        elif item.filename == "policy/us.json":
            policy = json.loads(data)
            a, b, c = policy["version"].split(".")
            policy["version"] = f"{a}.{int(b) + 1}.0"
            rule = next(r for r in policy["rules"] if r["id"] == "us.a3.commercial-assigns-msl-task")
            rule["message"] = "Version " + policy["version"] + ": " + rule["message"]
            data = json.dumps(policy, ensure_ascii=False, indent=1).encode()
            print(policy["version"])
        zout.writestr(item, data)
PY
)

# The load, and a commercial user assigning tasks to an MSL (refused by A3, audited, escalated) every 50 ms.
python3 "$here/load.py" "$base" "$seconds" 2 > "$work/load.out" 2>&1 & loader=$!
start=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
python3 - "$base" "$seconds" "$new_version" > "$work/a3.out" <<'PY' & prober=$!
import base64, http.client, json, sys, time, urllib.parse
base, seconds, version = sys.argv[1], float(sys.argv[2]), sys.argv[3]
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
headers = {"Authorization": "Basic " + base64.b64encode(b"rep.us:demo").decode(), "Content-Type": "application/json"}
statuses, old, new = {}, 0, 0
deadline = time.time() + seconds
while time.time() < deadline:
    conn.request("POST", url.path + "/records/Task", json.dumps({"subject": "visit", "assignee": "msl.us"}), headers)
    r = conn.getresponse(); body = r.read().decode()
    statuses[r.status] = statuses.get(r.status, 0) + 1
    if r.status == 403 and "us.a3.commercial-assigns-msl-task" in body:
        if "Version " + version + ":" in body: new += 1
        else: old += 1
    time.sleep(0.05)
print(json.dumps({"statuses": statuses, "old": old, "new": new}))
PY
sleep 3
mv "$work/policy-us-next.jar" "$work/fwd/load/policy-us-next.jar"
check "the dropped version $new_version decides" $(ok await_policy "$new_version")
swapped=$(us_policy)
load_rc=0; wait "$loader" || load_rc=$?
wait "$prober" || true
cat "$work/load.out"
a3=$(cat "$work/a3.out")
echo "hot-deploy: A3 refusals during the swap: $a3"
check "load.py: 0 errors and 0 5xx during the swap" "$load_rc"
check "every A3 attempt was refused by a policy: nothing allowed, nothing 5xx" \
  $(echo "$a3" | json "0 if list(d['statuses']) == ['403'] else 1")
check "the old version refused before the swap and the new one after" \
  $(echo "$a3" | json "0 if d['old'] > 0 and d['new'] > 0 else 1")

# Nothing unevaluated: each refusal is in the audit trail with the policy version that decided it.
audited=$(python3 - "$base" "$start" <<'PY'
import base64, json, sys, urllib.request, urllib.parse
base, since = sys.argv[1:]
auth = {"Authorization": "Basic " + base64.b64encode(b"compliance.us:demo").decode()}
versions, before = {}, None
while True:  # newest first, page by page through the cursor the trail hands out
    page = f"{base}/audit?since={urllib.parse.quote(since)}&limit=1000" + ("" if before is None else f"&before={before}")
    body = json.load(urllib.request.urlopen(urllib.request.Request(page, headers=auth), timeout=30))
    for e in body["entries"]:
        ev = e["event"]
        if ev["rule"] == "us.a3.commercial-assigns-msl-task" and ev["outcome"] == "BLOCK":
            versions[ev.get("policyVersion")] = versions.get(ev.get("policyVersion"), 0) + 1
    before = body.get("next")
    if before is None: break
print(json.dumps(versions))
PY
)
echo "hot-deploy: audited A3 refusals by policy version: $audited"
check "every refusal audited with the version that decided it" $(python3 -c "
import json,sys; a=json.loads(sys.argv[1]); s=json.loads(sys.argv[2])
print(0 if None not in a and 'null' not in a and sum(a.values()) == s['statuses'].get('403', 0) else 1)" "$audited" "$a3")

policies=$(curl -s -u compliance.us:demo "$base/policies")
check "the shipped version is reported superseded" $(echo "$policies" | json "
0 if any(s['id'] == 'us' and s['version'] == '${old%% *}' for s in d['superseded']) else 1")
shell=$(fwd_gogo firewall:policies)
echo "$shell" | sed 's/^/g! /'
check "firewall:policies shows the new version and the superseded one" \
  $(echo "$shell" | grep -q "us  *v$new_version" && echo "$shell" | grep -q "^Superseded us"; echo $?)

fwd_stop
fwd_start 2
check "after a restart the dropped version still decides" $(ok await_policy "$new_version")
rm "$work/fwd/load/policy-us-next.jar"
check "removing the jar from load/ brings the shipped version back" $(ok await_policy "${old%% *}")
fwd_stop

echo "hot-deploy: before $old; after the drop $swapped"
echo "hot-deploy: $passed passed, $failed failed"
[ "$failed" = 0 ]
