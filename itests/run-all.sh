#!/usr/bin/env bash
# Every test of the project (the README's test command; .ci/run calls it):
#  1. the Maven suites (`mvn -B verify`: unit tests of every bundle, the in-Felix integration tests, the browser
#     tests), with a throw-away PostgreSQL server for the PostgreSQL suites (Debian's postgresql installed when
#     missing, see itests/hosts/postgres-server.sh);
#  2. the host scripts against the built distribution: stock Felix and Karaf hosts, logging, a crash, load,
#     admin edits across restarts, hot deploy, the attacks, PostgreSQL with two nodes and three (cluster.sh).
# Where no server can be had (no root to install one, say) the PostgreSQL suites are reported skipped with the
# reason and the PostgreSQL host scripts are left out; under CI (CI=true) that is a failure instead.
set -euo pipefail
cd "$(dirname "$0")/.."

source itests/hosts/postgres-server.sh
postgres=yes
trap pg_server_stop EXIT
if ! pg_server_start; then
  if [ "${CI:-}" = true ]; then
    echo "run-all: no PostgreSQL server for the tests" >&2; exit 1
  fi
  echo "run-all: no PostgreSQL server (see README, On PostgreSQL): its suites are skipped, its host scripts left out" >&2
  postgres=no
fi

# Time-boxed, so that a hang fails instead of blocking.
timeout 45m mvn -B verify
pg_server_stop

# Installation into a stock Apache Felix host (not our distribution's configuration).
bash itests/hosts/felix-stock.sh
# Installation into a stock Apache Karaf 4.4 through our feature repository (README: Installing into Apache Karaf).
bash itests/hosts/karaf.sh
# One logging setup: Jetty's lines and our INFO refusals print, in any start order; no record content.
bash itests/hosts/logging.sh
# SIGKILL while clients write: nothing acknowledged is lost, the audit chain survives.
bash itests/hosts/crash-durability.sh
# A bounded load run on loopback, shortened (README figures come from a 60 s run).
bash itests/hosts/load.sh 20 2
# Admin edits through each path apply live and survive a restart and an upgrade; shipped defaults only seed.
bash itests/hosts/admin-restart.sh
# A new policy-us version dropped into load/ under load: 0 errors, nothing unevaluated, the old one superseded.
bash itests/hosts/hot-deploy.sh
# The attacks of issue 14 replayed against the distribution: filters, deletes, audit per list, metadata, slow bodies.
bash itests/hosts/attack.sh
if [ "$postgres" = yes ]; then
  # The distribution on PostgreSQL: two nodes on one database, API checks, one audit chain, attacks, restart.
  bash itests/hosts/postgres.sh
  # Three nodes on one PostgreSQL: shared sessions, policy and region changes on all within 1 s, SIGKILL loses
  # nothing, P7.
  bash itests/hosts/cluster.sh
fi
