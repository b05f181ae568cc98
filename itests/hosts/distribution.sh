# Sourced by host scripts that drive a copy of the built distribution on a loopback port, with a Gogo shell
# they can type into. Defines: fwd_prepare PORT, fwd_start NAME, fwd_stop, fwd_gogo COMMAND, check WHAT OK,
# json EXPR (reads JSON on stdin), and $work, $base, $passed, $failed. Every loop is bounded.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
passed=0; failed=0; pid=""

fwd_prepare() { # copies the distribution into a temporary folder, with an empty data folder
  [ -d "$root/distribution/target/firewalldoors/bundle" ] || { echo "build first: mvn -B verify" >&2; exit 2; }
  port=$1; work=$(mktemp -d)
  trap fwd_cleanup EXIT
  cp -r "$root/distribution/target/firewalldoors" "$work/fwd"
  rm -rf "$work/fwd/data"/*
  fwd_port
  base="http://127.0.0.1:$port/api/v1"
}

fwd_port() {
  sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$port/" \
    "$work/fwd/load/org.apache.felix.http.cfg" "$work/fwd/conf/config.properties"
}

fwd_cleanup() { # a temporary folder: a file still being closed must not fail the script
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work" 2>/dev/null || true; }
}

# Starts the framework as bin/firewalldoors does, but with the Gogo shell reading a FIFO instead of a terminal.
fwd_start() {
  log="$work/run-$1.log"
  rm -f "$work/gogo"; mkfifo "$work/gogo"
  (cd "$work/fwd" && exec java ${JAVA_OPTS:-} -jar bin/felix.jar < "$work/gogo" > "$log" 2>&1) &
  pid=$!
  exec 7> "$work/gogo"
  for _ in $(seq 1 240); do
    # bounded: a request may meet the first HTTP server while load/ moves it to its configured port
    curl -s -m 5 "$base/health" 2>/dev/null | grep -q '"interception":"UP"' && \
      [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' -u msl.us:demo "$base/records/CallReport?hcpId=warmup")" = 200 ] && return 0
    sleep 0.5
  done
  echo "the distribution did not come up"; tail -30 "$log"; exit 1
}

fwd_stop() { # SIGTERM: Felix stops cleanly
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""; exec 7>&-
}

fwd_gogo() { # types one command into the shell and prints what it answered
  local before; before=$(wc -c < "$log")
  printf '%s\n' "$*" >&7
  for _ in $(seq 1 50); do
    sleep 0.2
    tail -c +$((before + 1)) "$log" | grep -q 'g! ' && break
  done
  tail -c +$((before + 1)) "$log" | sed 's/g! //g' | grep -v '^\s*$' || true
}

ok() { # ok COMMAND...: prints 0 when it succeeds, 1 otherwise (for check, under set -e)
  if "$@"; then echo 0; else echo 1; fi
}

check() { # check WHAT OK: counts and prints a failed check
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi
}

curl() { command curl -m 30 "$@"; } # no request of a host script waits for ever

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
