#!/usr/bin/env bash
# Starts a one-node Slurm on this machine (munged, slurmctld, slurmd) for trying the racelab
# job array without a cluster; used by .ci/run's Slurm smoke test. Needs root and Debian's
# slurm-wlm and munge packages (it installs them with apt-get when they are missing).
#
#   scripts/slurm/one-node-slurm.sh start   # configure and start; waits until the node is idle
#   scripts/slurm/one-node-slurm.sh stop    # stop the daemons this script started
#
# The configuration is the smallest that runs jobs inside a container: no cgroups
# (proctrack/linuxproc, task/none), consumable CPUs so that array tasks run side by side.
set -euo pipefail

STATE=${RACELAB_SLURM_STATE:-/var/tmp/racelab-slurm}
CONF_DIR=/etc/slurm

die() { printf 'one-node-slurm: %s\n' "$1" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "needs root (it writes $CONF_DIR/slurm.conf and starts daemons)"

install_packages() {
    command -v slurmctld >/dev/null 2>&1 && command -v munged >/dev/null 2>&1 && return 0
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge
}

write_conf() {
    local node cpus mem
    node=$(hostname -s)
    cpus=$(getconf _NPROCESSORS_ONLN)
    # slurmd -C prints this node's real figures; keep a little memory back for the daemons.
    mem=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
    mem=$(( ${mem:-2048} * 9 / 10 ))
    mkdir -p "$CONF_DIR" "$STATE"/{ctld,d,log}
    chown -R slurm:slurm "$STATE"
    cat >"$CONF_DIR/slurm.conf" <<CONF
# Written by racelab's scripts/slurm/one-node-slurm.sh: a one-node cluster for testing.
ClusterName=racelab
SlurmctldHost=$node
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SlurmdTimeout=60
NodeName=$node CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
    install_packages
    write_conf
    if ! pgrep -u munge -x munged >/dev/null 2>&1; then
        mkdir -p /run/munge && chown munge:munge /run/munge
        [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=128 2>/dev/null
                                         chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
        su -s /bin/sh munge -c /usr/sbin/munged
    fi
    pgrep -x slurmctld >/dev/null 2>&1 || slurmctld
    pgrep -x slurmd >/dev/null 2>&1 || slurmd
    local state
    for _ in $(seq 1 60); do
        state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1) || true
        case $state in
            idle|mixed|allocated) printf 'one-node-slurm: node %s is %s\n' "$(hostname -s)" "$state"; return 0 ;;
            down*|drain*) scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true ;;
        esac
        sleep 1
    done
    tail -n 5 "$STATE"/log/*.log >&2 || true
    die "the node did not become idle within 60 s (state: ${state:-none})"
}

stop() {
    local f
    for f in "$STATE/slurmd.pid" "$STATE/slurmctld.pid"; do
        if [ -s "$f" ]; then kill "$(cat "$f")" 2>/dev/null || true; fi
    done
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    *) die "usage: one-node-slurm.sh start|stop" ;;
esac
