# Shell functions shared by the host scripts (felix-stock.sh, karaf.sh): sourced, not run.
# The caller sets `work` (a scratch folder) before calling them; `passed` and `failed` count the checks.
passed=0; failed=0

# check NAME EXPECTED_STATUS CURL_ARGS...: one HTTP call, counted as passed when the status matches.
check() {
  local name=$1 expected=$2; shift 2
  local status
  status=$(curl -s -m 20 -o "$work/body" -w '%{http_code}' "$@" || true)
  if [ "$status" = "$expected" ]; then passed=$((passed+1)); echo "ok   $name ($status)";
  else failed=$((failed+1)); echo "FAIL $name: expected $expected, got $status: $(head -c 300 "$work/body")"; fi
}

# wait_for_api BASE_URL PID SECONDS: until the API answers and the US policy is active (until then guarded
# operations fail closed), the process PID has exited, or SECONDS have passed.
wait_for_api() {
  local base=$1 pid=$2 seconds=$3
  for _ in $(seq 1 $((seconds * 2))); do
    curl -s -m 3 -u compliance.us:demo "$base/policies" 2>/dev/null | grep -q '"US":{' && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# The inquiry text of the refused hand-off below: the logs may name the rule, never this text.
REFUSED_INQUIRY_TEXT='She is a top decile prescriber: is it safe in CKD?'

# api_checks BASE_URL: health, authentication, an A3 refusal, a refused hand-off (H2), a stored call report.
api_checks() {
  local base=$1
  check "health without credentials" 200 "$base/health"
  check "principal of rep.us" 200 -u rep.us:demo "$base/me"
  check "no credentials" 401 "$base/me"
  check "A3 refused: rep assigns a task to an MSL" 403 -u rep.us:demo -H 'Content-Type: application/json' \
    -d '{"subject":"visit Dr. Heart","assignee":"msl.us"}' "$base/records/Task"
  check "H2 refused: a hand-off with commercial context" 422 -u rep.us:demo -H 'Content-Type: application/json' \
    -d '{"hcpId":"hcp-1","hcpContact":{"email":"dr@example.org"},"category":"OFF_LABEL_USE","question":"'"$REFUSED_INQUIRY_TEXT"'","product":"Cardiozan","preferredContact":{"channel":"EMAIL","window":"mornings"},"unsolicited":true}' \
    "$base/handoffs"
  check "an MSL call report is stored" 201 -u msl.us:demo -H 'Content-Type: application/json' \
    -d '{"hcpId":"hcp-1","notes":"journal club"}' "$base/records/CallReport"
}

# free_port: a TCP port nobody listens on right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
