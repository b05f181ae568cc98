#!/usr/bin/env bash
# Admin changes survive a restart and an upgrade: a region is changed through each admin path (its file in
# load/, the HTTP admin API, the Gogo shell, Configuration Admin alone), the change applies without restart,
# survives a SIGTERM restart, and survives an upgrade that lays a new distribution over the installation
# (new bundle/, defaults/ and load/ files, all with new timestamps): shipped defaults never overwrite an edit.
# Run after `mvn -B verify`. Traffic stays on loopback.
set -euo pipefail
source "$(dirname "$0")/distribution.sh"
fwd_prepare "${ADMIN_PORT:-18395}"
J='Content-Type: application/json'

regions() { curl -s -u admin:demo "$base/admin/regions"; }
modules() { regions | json "','.join(d['$1']['modules']) if '$1' in d else 'none'"; }
await_modules() { # region expected
  for _ in $(seq 1 50); do [ "$(modules "$1")" = "$2" ] && return 0; sleep 0.2; done; return 1
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
event() { # msl of a region creates an education event: 201, or 503 when the events module is off there
  status -u "msl.$1:demo" -H "$J" -X POST "$base/records/MedicalEducationEvent" -d "{\"title\": \"Restart check\",
    \"eventType\": \"SYMPOSIUM\", \"topic\": \"Diuretics $RANDOM\", \"startsAt\": \"2027-03-04T18:00:00Z\",
    \"objective\": \"Apply the guideline algorithm\", \"educationalNeed\": \"Needs assessment survey\",
    \"content\": [\"Guideline review\"], \"sessions\": [{\"kind\": \"SCIENTIFIC\", \"attendees\": [\"msl.$1\"]}]}"
}
expect_state() { # the admin's state, checked through its effects
  local when=$1
  check "$when: US modules (HTTP edit) $(modules US)" $([ "$(modules US)" = compliance,handoff,events ]; echo $?)
  check "$when: EU modules (file, then shell) $(modules EU)" $([ "$(modules EU)" = compliance,handoff ]; echo $?)
  check "$when: CA (Configuration Admin only) $(modules CA)" $([ "$(modules CA)" = compliance ]; echo $?)
  check "$when: US KOL export is off" $([ "$(status -u rep.us:demo "$base/kol-intelligence/export?region=US")" = 503 ]; echo $?)
  check "$when: EU events are off" $([ "$(event eu)" = 503 ]; echo $?)
  check "$when: US events are on" $([ "$(event us)" = 201 ]; echo $?)
}

fwd_start 1
seeded() { await_modules US compliance,handoff,kol-export,events && await_modules EU compliance,handoff,kol-export,events; }
check "first start: the shipped defaults seed US and EU" $(ok seeded)

# 1. A file: the admin saves a new EU file in load/ (kol-export off).
cfg="$work/fwd/load/org.firewalldoors.region-eu.cfg"
printf '# EU, edited by the admin\ncode=EU\nmodules=compliance,handoff,events\npolicy=eu\n' > "$cfg.new" && mv "$cfg.new" "$cfg"
check "file edit applied without restart" $(ok await_modules EU compliance,handoff,events)
# 2. The Gogo shell: events off in EU; written back to the file.
answer=$(fwd_gogo firewall:disable EU events)
echo "g! firewall:disable EU events -> $answer"
check "shell edit applied without restart" $(ok await_modules EU compliance,handoff)
check "the shell edit is written back to load/" $(grep -q '"events"' "$cfg"; [ $? = 1 ]; echo $?)
check "the admin's comment in the file is kept" $(grep -q 'edited by the admin' "$cfg"; echo $?)
# 3. HTTP: kol-export off in US; written back to the file.
curl -s -o /dev/null -u admin:demo -H "$J" -X PUT "$base/admin/regions/US" -d '{"modules": ["compliance", "handoff", "events"], "policy": "us"}'
check "HTTP edit applied without restart" $(ok await_modules US compliance,handoff,events)
check "the HTTP edit is written back to load/" \
  $(grep -q '"kol-export"' "$work/fwd/load/org.firewalldoors.region-us.cfg"; [ $? = 1 ]; echo $?)
# 4. Configuration Admin alone: a new region (no file; Configuration Admin keeps it in data/).
curl -s -o /dev/null -u admin:demo -H "$J" -X PUT "$base/admin/regions/CA" -d '{"modules": ["compliance"], "policy": "us"}'
check "new region applied without restart" $(ok await_modules CA compliance)
expect_state "without restart"
before=$(regions)

fwd_stop
fwd_start 2
await_modules CA compliance || true
expect_state "after restart"
check "after restart: the regions are as the admin left them" $([ "$(regions)" = "$before" ]; echo $?)

# An upgrade: the new version's files are laid over the installation with new timestamps, and its shipped
# region defaults differ (every module on). FileInstall sees load/ at start; the defaults seed nothing.
fwd_stop
sleep 1
cp -r "$root/distribution/target/firewalldoors/bundle" "$root/distribution/target/firewalldoors/defaults" \
  "$root/distribution/target/firewalldoors/conf" "$work/fwd/"
cp "$root/distribution/target/firewalldoors/load/"*.cfg "$work/fwd/load/"
fwd_port
sed -i 's/^policy=.*/policy=us\n# a later version/' "$work/fwd/defaults/org.firewalldoors.region-us.cfg"
touch "$work/fwd/defaults"/* "$work/fwd/load"/* "$work/fwd/bundle"/*
fwd_start 3
await_modules CA compliance || true
expect_state "after an upgrade"
check "after an upgrade: the regions are as the admin left them" $([ "$(regions)" = "$before" ]; echo $?)
fwd_stop

echo "admin-restart: regions $(echo "$before" | json "'; '.join(k + ' ' + ','.join(v['modules']) for k, v in d.items())")"
echo "admin-restart: $passed passed, $failed failed"
[ "$failed" = 0 ]
