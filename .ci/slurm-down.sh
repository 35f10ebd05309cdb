#!/usr/bin/env bash
# Stops the single-node cluster that .ci/slurm-up.sh started in DIR: exactly the daemons whose pid
# files are in DIR (slurmd, slurmctld, munged), nothing found by name. Jobs still running are ended
# by slurmd as it stops.
#
#   .ci/slurm-down.sh [DIR]      DIR defaults to $SWEEP_SLURM_DIR, else /tmp/sweep-slurm-$USER
set -uo pipefail

DIR="${1:-${SWEEP_SLURM_DIR:-/tmp/sweep-slurm-${USER:-$(id -un)}}}"
[ -d "$DIR" ] || { echo "slurm-down: no cluster directory $DIR" >&2; exit 0; }

stop() {
  local name="$1" pidfile="$DIR/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "slurm-down: $name ($pid) did not stop in 10 s; killing it" >&2
      kill -9 "$pid" 2>/dev/null
    fi
  fi
  rm -f "$pidfile"
}

if [ -f "$DIR/etc/slurm.conf" ] && [ -f "$DIR/slurmctld.pid" ]; then
  # Cancel what is still queued, so a later cluster in this directory starts empty.
  SLURM_CONF="$DIR/etc/slurm.conf" scancel --quiet --full --user="$(id -un)" >/dev/null 2>&1 || true
fi
stop slurmd
stop slurmctld
stop munged
echo "slurm down: $DIR"
