#!/usr/bin/env bash
# Starts a single-node SLURM cluster on this machine, all of it under one private directory:
# its own configuration (SLURM_CONF), free ports, munge key and socket, state, spool and logs.
# Nothing under /etc/slurm, /etc/munge or /run is read or written, and no running daemon is touched.
#
#   .ci/slurm-up.sh [DIR]        DIR defaults to $SWEEP_SLURM_DIR, else /tmp/sweep-slurm-$USER
#   . DIR/env.sh                 sets SLURM_CONF for sbatch, squeue, scontrol, qsub (slurm-wlm-torque)
#   .ci/slurm-down.sh [DIR]      stops exactly the daemons this script started (by their pid files)
#
# Needs Debian's slurmctld slurmd slurm-client munge (and slurm-wlm-torque for qsub), and root: slurmd
# starts the jobs. Prints "slurm up: DIR" once a job can be scheduled; exits non-zero with the reason
# (and the daemons' logs) otherwise, after stopping what it started.
set -euo pipefail

DIR="${1:-${SWEEP_SLURM_DIR:-/tmp/sweep-slurm-${USER:-$(id -un)}}}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
  echo "slurm-up: $*" >&2
  exit 1
}

for tool in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$tool" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin"
  command -v "$tool" >/dev/null 2>&1 \
    || die "$tool is not installed; on Debian: apt-get install slurmctld slurmd slurm-client munge slurm-wlm-torque"
done
[ "$(id -u)" = 0 ] || die "slurmd must run as root to start jobs as their users; run this script as root"

if [ -f "$DIR/slurmctld.pid" ] && kill -0 "$(cat "$DIR/slurmctld.pid")" 2>/dev/null; then
  die "a cluster started from $DIR is already running; stop it first: $HERE/slurm-down.sh $DIR"
fi

mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
mkdir -p "$DIR/etc" "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/munge"
# munged insists that its socket directory be reachable by every user.
chmod 755 "$DIR/munge"

# A free TCP port on localhost, from the kernel's ephemeral range.
free_port() {
  python3 - <<'EOF' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
}

stop_started() {
  "$HERE/slurm-down.sh" "$DIR" >/dev/null 2>&1 || true
}

fail() {
  echo "slurm-up: $*" >&2
  for log in "$DIR"/log/*.log; do
    [ -f "$log" ] || continue
    echo "--- $log (last lines)" >&2
    tail -n 20 "$log" >&2
  done
  stop_started
  exit 1
}

# munge: a fresh key and a socket of our own.
KEY="$DIR/munge/munge.key"
[ -f "$KEY" ] || { dd if=/dev/urandom of="$KEY" bs=1024 count=1 status=none; chmod 400 "$KEY"; }
SOCKET="$DIR/munge/munge.socket"
munged --force --socket="$SOCKET" --key-file="$KEY" --pid-file="$DIR/munged.pid" \
  --log-file="$DIR/log/munged.log" --seed-file="$DIR/munge/munged.seed" 2>>"$DIR/log/munged.log" \
  || fail "munged did not start"

HOST="$(hostname -s)"
# The node as slurmd sees it (CPUs, sockets, memory), so the controller accepts its registration.
NODE_LINE="$(slurmd -C | head -n 1)"
case "$NODE_LINE" in NodeName=*) ;; *) fail "slurmd -C printed no NodeName line: $NODE_LINE" ;; esac
CTLD_PORT="$(free_port)"
SLURMD_PORT="$(free_port)"
while [ "$SLURMD_PORT" = "$CTLD_PORT" ]; do SLURMD_PORT="$(free_port)"; done

cat >"$DIR/etc/slurm.conf" <<EOF
# A single-node cluster written by sweep's .ci/slurm-up.sh; everything it uses lives under $DIR.
ClusterName=sweep
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# No cgroups (containers rarely allow them): track processes by their parents, launch tasks plainly.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Ended jobs stay visible to scontrol for ten minutes.
MinJobAge=600
$NODE_LINE State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF

cat >"$DIR/env.sh" <<EOF
# Source me to talk to the cluster in $DIR: sbatch, squeue, scontrol, sinfo, qsub.
export SLURM_CONF="$DIR/etc/slurm.conf"
EOF
export SLURM_CONF="$DIR/etc/slurm.conf"

slurmctld -f "$SLURM_CONF" -i 2>>"$DIR/log/slurmctld.log" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" 2>>"$DIR/log/slurmd.log" || fail "slurmd did not start"

# Ready when the node is idle (registered and schedulable).
for _ in $(seq 1 120); do
  state="$(sinfo -h -n "$HOST" -o '%T' 2>/dev/null | head -n 1 || true)"
  case "$state" in
    idle*|mixed*|allocated*) echo "slurm up: $DIR"; exit 0 ;;
    down*|drain*) scontrol update NodeName="$HOST" State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 0.5
done
fail "the node $HOST did not become idle within 60 s (last state: ${state:-none})"
