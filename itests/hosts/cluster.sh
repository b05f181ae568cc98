#!/usr/bin/env bash
# Three nodes on one PostgreSQL (issue 16, parts 2 and 3): starts a throw-away PostgreSQL server
# (postgres-server.sh) and three copies of the built distribution on it at the same time, then checks: a session
# opened on node a works on node b and a sign-out on node c ends it everywhere; wrong passwords made on different
# nodes count together; a policy bundle dropped into node a's load/ decides on b and c within 1 s of deciding on a
# (delays printed); a region change made through the admin API of node a applies on b and c within 1 s, audited
# once; the same HTTP mix (cluster.py) on 1 node and on 3 nodes (benchmark P7, with the load average); load spread
# over the three nodes while node c is killed with SIGKILL: every acknowledged write is read on a surviving node,
# and the audit chain (GET /audit/verify) verifies on both survivors as one chain. Prints its figures and a
# summary line; exits non-zero when a check fails. Run after `mvn -B verify` (or the distribution's build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist="${FWD_DIST:-$root/distribution/target/firewalldoors}"
[ -d "$dist/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }
. "$here/postgres-server.sh"
. "$here/api-checks.sh"
seconds=${CLUSTER_SECONDS:-10}
threads=${CLUSTER_THREADS:-6}

work=$(mktemp -d)
declare -A pid base
passed=0; failed=0
cleanup() {
  for n in a b c; do [ -n "${pid[$n]:-}" ] && kill -9 "${pid[$n]}" 2>/dev/null || true; done
  pg_server_stop
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work" 2>/dev/null || true; }
}
trap cleanup EXIT
pg_server_start

ok_if() { # NAME COMMAND...: one check that passes when the command succeeds
  local name=$1; shift
  if "$@"; then passed=$((passed+1)); echo "ok   $name"; else failed=$((failed+1)); echo "FAIL $name"; fi
}
within_1s() { [ "$1" != never ] && python3 -c "import sys; sys.exit(0 if float('$1') <= 1.0 else 1)"; }
now() { python3 -c 'import time; print(f"{time.time():.3f}")'; }
since() { python3 -c "import time; print(f'{time.time() - $1:.2f}')"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
start() { # NODE: starts bin/firewalldoors of a copy headless on PostgreSQL
  local node=$1
  (cd "$work/$node" && FIREWALLDOORS_DB_PASSWORD="$FIREWALLDOORS_PG_PASSWORD" exec bin/firewalldoors \
    --postgres "$FIREWALLDOORS_PG_URL" "$FIREWALLDOORS_PG_USER" < /dev/null > "$work/$node.log" 2>&1) &
  pid[$node]=$!
}

for n in a b c; do
  cp -r "$dist" "$work/$n"; rm -rf "$work/$n/data"/*
  port=$(free_port)
  sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port/" "$work/$n/load/org.apache.felix.http.cfg" \
    "$work/$n/conf/config.properties"
  base[$n]="http://127.0.0.1:$port/api/v1"
done

# --- three nodes starting at the same time on an empty database --------------------------------------------
t0=$(now)
for n in a b c; do start $n; done
for n in a b c; do
  up=0; wait_for_api "${base[$n]}" "${pid[$n]}" 150 && up=1
  ok_if "node $n started on PostgreSQL" [ "$up" = 1 ]
  [ "$up" = 1 ] || { tail -40 "$work/$n.log"; exit 1; }
done
started=$(since "$t0")

# --- sessions and sign-in failures: in the database, seen by every node ------------------------------------
session=$(curl -s -m 20 -D "$work/headers" -H 'Content-Type: application/json' -d '{"user":"msl.us","password":"demo"}' \
  "${base[a]}/session")
cookie=$(grep -i '^set-cookie: FWD_SESSION=' "$work/headers" | sed 's/^[^=]*=\([^;]*\);.*/\1/' | tr -d '\r')
csrf=$(echo "$session" | json "d['csrfToken']")
check "a session opened on node a works on node b" 200 -b "FWD_SESSION=$cookie" "${base[b]}/me"
check "... and on node c" 200 -b "FWD_SESSION=$cookie" "${base[c]}/me"
ok_if "the database holds the session's hash, not its token" \
  [ "$(pg_psql firewalldoors "SELECT COUNT(*) FROM web_session WHERE token_hash = encode(sha256('$cookie'::bytea), 'hex')")/$(pg_psql firewalldoors "SELECT COUNT(*) FROM web_session WHERE token_hash = '$cookie'")" = 1/0 ]
check "a sign-out on node c" 204 -X DELETE -b "FWD_SESSION=$cookie" -H "X-CSRF-Token: $csrf" "${base[c]}/session"
check "... ends the session on node a" 401 -b "FWD_SESSION=$cookie" -H 'X-Requested-With: fetch' "${base[a]}/me"
for n in a b c a b; do curl -s -m 20 -o /dev/null -u guesser.us:wrong "${base[$n]}/me" || true; done
check "5 wrong passwords made on three nodes count together: the next attempt waits, on node c" 429 \
  -u guesser.us:wrong "${base[c]}/me"

# --- a policy dropped into node a's load/ decides on every node --------------------------------------------
us_policy() { curl -s -m 5 -u compliance.us:demo "$1/policies" | json "d['US']['version']" 2>/dev/null || true; }
shipped=$(ls "$work/a/bundle/"policy-us-*.jar)
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
audited_before=$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE action = 'POLICY_LOADED' AND policy_version = '$new_version'")
python3 - "$new_version" "${base[a]}" "${base[b]}" "${base[c]}" > "$work/propagation.json" <<'PY' & watcher=$!
# Polls every node every 20 ms for the new version; prints when each began deciding with it (epoch seconds).
import base64, http.client, json, sys, time, urllib.parse
version, bases = sys.argv[1], sys.argv[2:]
headers = {"Authorization": "Basic " + base64.b64encode(b"compliance.us:demo").decode()}
seen, deadline = {}, time.time() + 30
while len(seen) < len(bases) and time.time() < deadline:
    for b in bases:
        if b in seen: continue
        u = urllib.parse.urlparse(b)
        try:
            c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
            c.request("GET", u.path + "/policies", headers=headers)
            if json.loads(c.getresponse().read()).get("US", {}).get("version") == version:
                seen[b] = time.time()
            c.close()
        except (OSError, ValueError):
            pass
    time.sleep(0.02)
print(json.dumps([seen.get(b) for b in bases]))
PY
sleep 0.3
dropped=$(now)
mv "$work/policy-us-next.jar" "$work/a/load/policy-us-next.jar"
wait "$watcher" || true
read -r on_a lag_b lag_c <<< "$(python3 -c "
import json; a, b, c = json.load(open('$work/propagation.json')); d = $dropped
f = lambda x, y: f'{x - y:.2f}' if x and y else 'never'
print(f(a, d), f(b, a), f(c, a))")"
echo "     policy $new_version dropped into node a's load/: decides on a after ${on_a} s (FileInstall polls every 1 s), on b ${lag_b} s and on c ${lag_c} s after a"
ok_if "the dropped policy decides on node a" [ "$on_a" != never ]
ok_if "... on node b within 1 s of node a (${lag_b} s)" within_1s "$lag_b"
ok_if "... on node c within 1 s of node a (${lag_c} s)" within_1s "$lag_c"
a3=$(curl -s -m 20 -u rep.us:demo -H 'Content-Type: application/json' -d '{"subject":"visit","assignee":"msl.us"}' "${base[b]}/records/Task")
ok_if "node b refuses with the new version's rule (A3 message of $new_version)" grep -q "Version $new_version:" <<< "$a3"
ok_if "the policy load is audited once, not once per node" \
  [ "$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE action = 'POLICY_LOADED' AND policy_version = '$new_version'")" = $((audited_before + 1)) ]

# --- a region change made on node a applies on the others --------------------------------------------------
region() { curl -s -m 5 -u admin:demo "$1/admin/regions/US" | json "','.join(d['modules'])" 2>/dev/null || true; }
changes_before=$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE action = 'CONFIG_UPDATED' AND region = 'US'")
modules_before=$(region "${base[a]}")
# The change through node a's admin API, then every node polled every 20 ms: seconds from node a's answer.
region_delays=$(python3 - "${base[a]}" "${base[b]}" "${base[c]}" <<'PY'
import base64, http.client, json, sys, time, urllib.parse
bases = sys.argv[1:]
headers = {"Authorization": "Basic " + base64.b64encode(b"admin:demo").decode(), "Content-Type": "application/json"}
def call(b, method, body=None):
    u = urllib.parse.urlparse(b)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    c.request(method, u.path + "/admin/regions/US", body, headers)
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, data
status, _ = call(bases[0], "PUT", json.dumps({"modules": ["compliance", "handoff", "events"], "policy": "us"}))
answered = time.time()
seen, deadline = {}, answered + 10
while status == 200 and len(seen) < len(bases) - 1 and time.time() < deadline:
    for b in bases[1:]:
        if b not in seen:
            try:
                if json.loads(call(b, "GET")[1])["modules"] == ["compliance", "handoff", "events"]:
                    seen[b] = time.time()
            except (OSError, ValueError, KeyError):
                pass
    time.sleep(0.02)
print(status, " ".join(f"{seen[b] - answered:.2f}" if b in seen else "never" for b in bases[1:]))
PY
)
read -r put_status on_b on_c <<< "$region_delays"
echo "     US without kol-export through node a's admin API ($put_status): applies on b ${on_b} s and on c ${on_c} s after a answered"
ok_if "node a's admin API switches kol-export off in US" [ "$put_status" = 200 ]
for pair in "b $on_b" "c $on_c"; do
  set -- $pair
  ok_if "... the change applies on node $1 within 1 s ($2 s)" within_1s "$2"
done
check "node c refuses the KOL export switched off on node a" 503 -u rep.us:demo "${base[c]}/kol-intelligence/export?region=US"
sleep 1
ok_if "the region change is audited once, not once per node" \
  [ "$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE action = 'CONFIG_UPDATED' AND region = 'US'")" = $((changes_before + 1)) ]
check "node b's admin API switches it back on" 200 -u admin:demo -X PUT -H 'Content-Type: application/json' \
  -d "{\"modules\":[$(echo "$modules_before" | sed 's/[^,]*/"&"/g')],\"policy\":\"us\"}" "${base[b]}/admin/regions/US"
back=never
for _ in $(seq 1 100); do [ "$(region "${base[a]}")" = "$modules_before" ] && { back=ok; break; }; sleep 0.02; done
ok_if "... and node a applies it: the newer change wins" [ "$back" = ok ]

# --- P7: the same HTTP mix on 1 node, then on 3 -----------------------------------------------------------
: > "$work/acked"
one=$(python3 "$here/cluster.py" load "$work/acked" "$seconds" "$threads" "${base[a]}")
load_one=$(cut -d' ' -f1-3 /proc/loadavg)
three=$(python3 "$here/cluster.py" load "$work/acked" "$seconds" "$threads" "${base[a]}" "${base[b]}" "${base[c]}")
load_three=$(cut -d' ' -f1-3 /proc/loadavg)
echo "     1 node:  $one (load average $load_one)"
echo "     3 nodes: $three (load average $load_three)"
ok_if "no error under load on 1 node" [ "$(echo "$one" | json "d['errors'] + d['refusedConnections']")" = 0 ]
ok_if "no error under load on 3 nodes" [ "$(echo "$three" | json "d['errors'] + d['refusedConnections']")" = 0 ]

# --- node c killed with SIGKILL while the load runs on all three --------------------------------------------
python3 "$here/cluster.py" load "$work/acked" "$seconds" "$threads" "${base[a]}" "${base[b]}" "${base[c]}" \
  > "$work/kill.json" & loader=$!
sleep "$(python3 -c "print($seconds / 3)")"
kill -9 "${pid[c]}"; wait "${pid[c]}" 2>/dev/null || true; pid[c]=""
wait "$loader" || true
during=$(cat "$work/kill.json")
echo "     3 nodes, c killed: $during"
ok_if "the load went on over nodes a and b after node c was killed" \
  [ "$(echo "$during" | json "d['nodesLeftOut']")" = 1 ]
verified=$(python3 "$here/cluster.py" verify "$work/acked" "${base[b]}")
echo "     read back on node b: $verified"
acked=$(echo "$verified" | json "d['acknowledged']")
ok_if "0 acknowledged writes lost: all $acked read back on a surviving node" \
  [ "$(echo "$verified" | json "d['missing']")" = 0 ]
verify_a=$(curl -s -m 60 -u compliance.us:demo "${base[a]}/audit/verify")
verify_b=$(curl -s -m 60 -u compliance.us:demo "${base[b]}/audit/verify")
entries=$(echo "$verify_a" | json "d.get('entries')")
ok_if "the audit chain verifies on node a: $verify_a" grep -q '"valid":true' <<< "$verify_a"
ok_if "... and on node b" grep -q '"valid":true' <<< "$verify_b"
ok_if "one chain for three nodes: entries numbered 1..n without a gap" \
  [ "$(pg_psql firewalldoors 'SELECT COUNT(*) = MAX(seq) AND MIN(seq) = 1 FROM audit_entry')" = t ]
check "the survivors still serve writes" 201 -u msl.us:demo -H 'Content-Type: application/json' \
  -d '{"hcpId":"after-kill","notes":"after the kill"}' "${base[a]}/records/CallReport"

for n in a b; do
  kill -TERM "${pid[$n]}" 2>/dev/null || true
done
for n in a b; do
  for _ in $(seq 1 60); do kill -0 "${pid[$n]}" 2>/dev/null || break; sleep 0.5; done
  pid[$n]=""
done

rps1=$(echo "$one" | json "d['requestsPerSecond']"); rps3=$(echo "$three" | json "d['requestsPerSecond']")
wps1=$(echo "$one" | json "d['writesPerSecond']"); wps3=$(echo "$three" | json "d['writesPerSecond']")
echo "cluster: 3 nodes started together in ${started} s; policy on b/c ${lag_b}/${lag_c} s after a, region change ${on_b}/${on_c} s; P7 $threads clients ${seconds} s: 1 node ${rps1} req/s (${wps1} writes/s), 3 nodes ${rps3} req/s (${wps3} writes/s) on $(nproc) cores, load average ${load_three}; $acked writes acknowledged, 0 lost with c killed; audit chain of $entries entries valid"
[ "$failed" = 0 ] || { for n in a b c; do echo "--- node $n log"; tail -20 "$work/$n.log"; done; }
echo "cluster: $passed passed, $failed failed"
[ "$failed" = 0 ]
