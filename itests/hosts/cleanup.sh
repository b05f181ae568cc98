# Sourced by the host scripts: stops a server they started and removes its temporary folder.
# The server is asked to stop, given 20 s, then killed, and waited for, so that it writes no file while its folder
# is removed (CI once failed on "rm: Directory not empty" when it did not wait).

# usage: stop_and_remove PID FOLDER   (PID may be empty)
stop_and_remove() {
  local pid=$1 folder=$2
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$folder" 2>/dev/null || { sleep 2; rm -rf "$folder" 2>/dev/null || true; }
}
