#!/usr/bin/env bash
# The distribution on PostgreSQL (issue 16, part 1): starts a throw-away PostgreSQL server (postgres-server.sh,
# which installs Debian's postgresql when missing), then two copies of the built distribution at the same time
# on one empty database through the documented `bin/firewalldoors --postgres JDBC_URL` (password from
# FIREWALLDOORS_DB_PASSWORD), and checks: each schema step applied once, nothing in an H2 file, the API checks
# of api-checks.sh, a record written on one node read on the other, both nodes writing at once into one audit
# chain that verifies, the password in no log, audit entry or HTTP answer, the attacks of attack.py, and a
# restart that keeps every record and the chain. Prints its figures. Run after `mvn -B verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist="$root/distribution/target/firewalldoors"
[ -d "$dist/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }
. "$here/postgres-server.sh"
. "$here/api-checks.sh"

work=$(mktemp -d)
pid_a=""; pid_b=""
cleanup() {
  for p in $pid_a $pid_b; do kill -9 "$p" 2>/dev/null || true; done
  pg_server_stop
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work" 2>/dev/null || true; }
}
trap cleanup EXIT
pg_server_start
db_url="$FIREWALLDOORS_PG_URL"
password="$FIREWALLDOORS_PG_PASSWORD"

port_a=$(free_port); port_b=$(free_port)
for node in a b; do
  cp -r "$dist" "$work/$node"
  rm -rf "$work/$node/data"/*
done
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port_a/" "$work/a/load/org.apache.felix.http.cfg" "$work/a/conf/config.properties"
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port_b/" "$work/b/load/org.apache.felix.http.cfg" "$work/b/conf/config.properties"
base_a="http://127.0.0.1:$port_a/api/v1"; base_b="http://127.0.0.1:$port_b/api/v1"

start() { # NODE RUN ARGS...: starts bin/firewalldoors of a copy headless; prints its pid
  local node=$1 run=$2; shift 2
  (cd "$work/$node" && FIREWALLDOORS_DB_PASSWORD="$password" exec bin/firewalldoors "$@" \
    < /dev/null > "$work/$node-$run.log" 2>&1) &
  echo $!
}
stop() { # PID: SIGTERM, bounded wait
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true; return 1
}
ok_if() { # NAME COMMAND...: one check that passes when the command succeeds
  local name=$1; shift
  if "$@"; then passed=$((passed+1)); echo "ok   $name"; else failed=$((failed+1)); echo "FAIL $name"; fi
}

# --- two nodes starting at the same time on an empty database --------------------------------------------
t0=$(date +%s.%N)
pid_a=$(start a 1 --postgres "$db_url" "$FIREWALLDOORS_PG_USER")
pid_b=$(start b 1 --postgres "$db_url" "$FIREWALLDOORS_PG_USER")
up_a=0; up_b=0
wait_for_api "$base_a" "$pid_a" 120 && up_a=1
wait_for_api "$base_b" "$pid_b" 120 && up_b=1
started=$(python3 -c "import time; print(f'{time.time() - $t0:.1f}')")
ok_if "node a started on PostgreSQL" [ "$up_a" = 1 ]
ok_if "node b started on PostgreSQL at the same time" [ "$up_b" = 1 ]
if [ "$up_a" != 1 ] || [ "$up_b" != 1 ]; then tail -40 "$work/a-1.log" "$work/b-1.log"; exit 1; fi

steps=$(pg_psql firewalldoors "SELECT owner || ':' || version FROM schema_version ORDER BY 1" | tr '\n' ' ')
echo "     schema_version: $steps"
ok_if "each schema step applied once (10 steps of 8 owners)" \
  [ "$steps" = "compliance.audit:1 compliance.cluster:1 compliance.escalations:1 compliance.events:1 compliance.review:1 compliance.review:2 compliance.review:3 host.notifications:1 host.records:1 host.records:2 host.sessions:1 " ]
ok_if "nothing stored in an embedded H2 file" [ -z "$(find "$work/a/data" "$work/b/data" -name '*.mv.db')" ]
ok_if "the host configuration file is readable by its owner only" [ "$(stat -c %a "$work/a/load/org.firewalldoors.host.cfg")" = 600 ]

api_checks "$base_a"
check "health of node b" 200 "$base_b/health"
id=$(curl -s -m 20 -u msl.us:demo -H 'Content-Type: application/json' -d '{"hcpId":"hcp-pg","notes":"from node a"}' \
  "$base_a/records/CallReport" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "a record written on node a is read on node b" 200 -u msl.us:demo "$base_b/records/CallReport/$id"

# --- both nodes writing at once: one audit chain ---------------------------------------------------------
writer() { # BASE TAG N: writes call reports, counts the acknowledged ones
  local i status
  for i in $(seq 1 "$3"); do
    status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -u msl.us:demo -H 'Content-Type: application/json' \
      -d "{\"hcpId\":\"pg-load\",\"notes\":\"$2-$i\"}" "$1/records/CallReport" || true)
    [ "${status:0:1}" = 2 ] && echo "$2-$i" >> "$work/acked"
    # a refused write as well: audited too
    curl -s -m 30 -o /dev/null -u rep.us:demo -H 'Content-Type: application/json' \
      -d '{"subject":"visit","assignee":"msl.us"}' "$1/records/Task" || true
  done
}
per_writer=${POSTGRES_WRITES:-60}
touch "$work/acked"
t0=$(date +%s.%N)
writer "$base_a" a1 "$per_writer" & w1=$!
writer "$base_a" a2 "$per_writer" & w2=$!
writer "$base_b" b1 "$per_writer" & w3=$!
writer "$base_b" b2 "$per_writer" & w4=$!
wait $w1 $w2 $w3 $w4
secs=$(python3 -c "import time; print(f'{time.time() - $t0:.1f}')")
acked=$(wc -l < "$work/acked")
requests=$((8 * per_writer))
ok_if "every write of both nodes acknowledged ($acked of $((4 * per_writer)))" [ "$acked" = $((4 * per_writer)) ]
listed() { curl -s -m 30 -u msl.us:demo "$1/records/CallReport?hcpId=pg-load" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["records"]))'; }
ok_if "node b lists every call report both nodes wrote" [ "$(listed "$base_b")" = "$acked" ]
verify_a=$(curl -s -m 60 -u compliance.us:demo "$base_a/audit/verify")
verify_b=$(curl -s -m 60 -u compliance.us:demo "$base_b/audit/verify")
entries=$(echo "$verify_a" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("entries"))')
ok_if "the audit chain verifies on node a: $verify_a" grep -q '"valid":true' <<< "$verify_a"
ok_if "the audit chain verifies on node b" grep -q '"valid":true' <<< "$verify_b"
ok_if "one chain: entries numbered 1..n without a gap" \
  [ "$(pg_psql firewalldoors 'SELECT COUNT(*) = MAX(seq) AND MIN(seq) = 1 FROM audit_entry')" = t ]

# --- the password: in no log, audit entry or HTTP answer -------------------------------------------------
# A live change of the host configuration (applied at start before the audit listens): it is audited, the
# database is opened again with the new configuration, and the node serves on.
sed -i 's/^sessionIdleMinutes=.*/sessionIdleMinutes=31/' "$work/a/load/org.firewalldoors.host.cfg"
audited=0
for _ in $(seq 1 60); do
  n=$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE record_id = 'org.firewalldoors.host' AND new_values LIKE '%sessionIdleMinutes%31%'")
  [ "$n" -gt 0 ] && { audited=1; break; }
  sleep 0.5
done
ok_if "a live change of the host configuration is audited" [ "$audited" = 1 ]
ok_if "... with the password withheld" \
  [ "$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE record_id = 'org.firewalldoors.host' AND new_values LIKE '%jdbcPassword%not recorded%'")" -gt 0 ]
wait_for_api "$base_a" "$pid_a" 60 || true
check "node a serves on after the live change" 200 -u msl.us:demo "$base_a/records/CallReport/$id"
curl -s -m 60 -u compliance.us:demo "$base_a/audit?limit=1000" > "$work/audit.json"
ok_if "the database password is in no log line" bash -c "! grep -qF -- '$password' '$work'/*.log"
ok_if "the database password is in no HTTP answer (audit list)" bash -c "! grep -qF -- '$password' '$work/audit.json'"
ok_if "the database password is in no audit entry" \
  [ "$(pg_psql firewalldoors "SELECT COUNT(*) FROM audit_entry WHERE new_values LIKE '%$password%' OR old_values LIKE '%$password%' OR message LIKE '%$password%'")" = 0 ]

# --- the attacks of issue 14 ------------------------------------------------------------------------------
if python3 "$here/attack.py" "$base_a" > "$work/attack.out" 2>&1; then attack=0; else attack=1; fi
sed 's/^/     /' "$work/attack.out"
ok_if "attack.py got nothing through on PostgreSQL" [ "$attack" = 0 ]

# --- restart: everything is still there -------------------------------------------------------------------
ok_if "node b stops cleanly on SIGTERM" stop "$pid_b"; pid_b=""
ok_if "node a stops cleanly on SIGTERM" stop "$pid_a"; pid_a=""
pid_a=$(start a 2)
wait_for_api "$base_a" "$pid_a" 120 || { tail -40 "$work/a-2.log"; exit 1; }
ok_if "after a restart (plain bin/firewalldoors, the configuration kept) every call report is there" \
  [ "$(listed "$base_a")" = "$acked" ]
check "after a restart the record of node a is read" 200 -u msl.us:demo "$base_a/records/CallReport/$id"
verify_r=$(curl -s -m 60 -u compliance.us:demo "$base_a/audit/verify")
ok_if "after a restart the audit chain verifies: $verify_r" grep -q '"valid":true' <<< "$verify_r"
ok_if "after a restart no schema step ran again" \
  [ "$(pg_psql firewalldoors 'SELECT COUNT(*) FROM schema_version')" = 11 ]
ok_if "node a stops cleanly on SIGTERM again" stop "$pid_a"; pid_a=""

rate=$(python3 -c "print(f'{$requests / $secs:.0f}')")
echo "postgres: 2 nodes started together in ${started} s; $requests writes (half refused) from 4 clients on 2 nodes in ${secs} s (${rate}/s), $acked call reports stored, audit chain of $entries entries valid on both nodes and after a restart"
[ "$failed" = 0 ] || { echo "--- node a log"; tail -40 "$work/a-1.log"; }
echo "postgres: $passed passed, $failed failed"
[ "$failed" = 0 ]
