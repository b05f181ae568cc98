#!/usr/bin/env bash
# Replays the attacks of issue 14 against a copy of the built distribution and prints their figures:
# filter oracle and timing (1), deletes (2), audit rows per list call (7), metadata side channels (8), the cost of
# scanning a text built to be slow (9),
# slow request bodies (10, slow-bodies.sh). Exit status 1 if any attack got anything through.
# usage: attack.sh   (after mvn -B verify)
set -euo pipefail
source "$(dirname "$0")/distribution.sh"
fwd_prepare "${ATTACK_PORT:-18396}"
fwd_start attack
status=0
python3 "$here/attack.py" "$base" || status=1
fwd_stop
if [ -x "$here/slow-bodies.sh" ]; then
  bash "$here/slow-bodies.sh" || status=1
fi
exit $status
