# A throw-away PostgreSQL server for the tests: sourced, not run. `pg_server_start` installs Debian's
# postgresql package when no server binaries are there, makes a cluster in a temporary folder (initdb, as
# the unprivileged user `postgres` when run as root), starts it on a free loopback port with a password
# (scram-sha-256) and exports what the tests read:
#   FIREWALLDOORS_PG_URL=jdbc:postgresql://127.0.0.1:PORT/firewalldoors  FIREWALLDOORS_PG_USER  FIREWALLDOORS_PG_PASSWORD
# `pg_server_stop` stops it and removes the folder. `pg_createdb NAME` makes one more database on it.
# Used by .ci/run and itests/hosts/postgres.sh; by hand: `source itests/hosts/postgres-server.sh && pg_server_start`.

pg_bin() { # the newest installed server's bin folder
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

pg_as() { # runs a command as the cluster's owner
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_server_start() {
  if [ -z "$(pg_bin)" ]; then
    echo "postgres-server: installing Debian's postgresql" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin; bin=$(pg_bin) || { echo "postgres-server: no PostgreSQL server binaries" >&2; return 1; }
  pg_dir=$(mktemp -d)
  chmod 755 "$pg_dir"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  FIREWALLDOORS_PG_USER=firewalldoors
  FIREWALLDOORS_PG_PASSWORD="pg-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s\n' "$FIREWALLDOORS_PG_PASSWORD" > "$pg_dir/pw"
  [ "$(id -u)" = 0 ] && chown -R postgres "$pg_dir"
  pg_as "$bin/initdb" -D "$pg_dir/data" -U "$FIREWALLDOORS_PG_USER" --pwfile="$pg_dir/pw" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  rm -f "$pg_dir/pw"
  pg_as "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
  export FIREWALLDOORS_PG_USER FIREWALLDOORS_PG_PASSWORD PG_PORT
  pg_createdb firewalldoors
  export FIREWALLDOORS_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/firewalldoors"
  echo "postgres-server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
}

pg_createdb() { # NAME
  PGPASSWORD="$FIREWALLDOORS_PG_PASSWORD" "$(pg_bin)/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$FIREWALLDOORS_PG_USER" "$1"
}

pg_psql() { # DATABASE SQL: runs SQL and prints the rows unaligned, without headers
  PGPASSWORD="$FIREWALLDOORS_PG_PASSWORD" "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$FIREWALLDOORS_PG_USER" \
    -d "$1" -Atqc "$2"
}

pg_server_stop() {
  [ -n "${pg_dir:-}" ] || return 0
  pg_as "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"; pg_dir=""
}
