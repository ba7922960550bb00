#!/usr/bin/env bash
# The Slurm engine end to end on this one machine (.ci/run runs it): starts a one-node Slurm,
# submits a two-task racelab array through submit.sh (a quick JCStress case at the smoke
# profile) and the dependent compare, waits, and checks that both tasks and the compare
# COMPLETED, that two bundles are in the shared folder and that compare.html was written.
# About 1.5 minutes on 2 cores. Needs root (see one-node-slurm.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { printf 'slurm smoke: FAILED: %s\n' "$1" >&2; exit 1; }

started_here=0
if ! pgrep -x slurmctld >/dev/null 2>&1; then
    started_here=1
fi
# Bad input to submit.sh: one line on stderr, exit 2, nothing submitted.
for bad in "--tasks 2" "--shared /tmp --tasks 0" "--shared /tmp --tasks many" "--shared /tmp --frobnicate"; do
    status=0
    # shellcheck disable=SC2086 # each case is several words on purpose
    err=$(scripts/slurm/submit.sh $bad 2>&1 >/dev/null) || status=$?
    if [ "$status" -ne 2 ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then
        fail "submit.sh $bad: exit $status, stderr: $err"
    fi
done

scripts/slurm/one-node-slurm.sh start
shared=$(mktemp -d /var/tmp/racelab-slurm-smoke.XXXXXX)
cleanup() {
    [ "$started_here" = 1 ] && scripts/slurm/one-node-slurm.sh stop
    rm -rf "$shared"
}
trap cleanup EXIT

out=$(scripts/slurm/submit.sh --shared "$shared" --tasks 2 \
      -- stress --profile smoke --case 'LostUpdate\.Plain$' --timeout 600)
printf '%s\n' "$out"
array=$(sed -n 's/^array job \([0-9]*\):.*/\1/p' <<<"$out")
compare=$(sed -n 's/^compare job \([0-9]*\):.*/\1/p' <<<"$out")
if [ -z "$array" ] || [ -z "$compare" ]; then fail "submit.sh printed no job ids"; fi

deadline=$((SECONDS + 900))
while [ -n "$(squeue -h -j "$array,$compare" 2>/dev/null)" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { scancel "$array" "$compare" || true; fail "jobs still queued or running after 900 s"; }
    sleep 2
done

# Finished jobs stay in slurmctld's memory for MinJobAge (300 s): their states are still there.
states=$(scontrol -o show job "$array" | sed -n 's/.*ArrayTaskId=\([0-9]*\).*JobState=\([A-Z_]*\).*/task \1 \2/p')
printf '%s\n' "$states"
[ "$(grep -c ' COMPLETED$' <<<"$states")" -eq 2 ] || { tail -n 20 "$shared"/logs/*; fail "the two array tasks did not both complete"; }
cstate=$(scontrol -o show job "$compare" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
printf 'compare %s\n' "$cstate"
[ "$cstate" = COMPLETED ] || { tail -n 20 "$shared"/logs/*; fail "the compare job ended $cstate"; }

bundles=$(find "$shared/runs" -mindepth 2 -maxdepth 2 -name bundle.json | wc -l)
[ "$bundles" -eq 2 ] || fail "$bundles bundles in $shared/runs, expected 2"
[ -s "$shared/compare/compare.html" ] || fail "no compare.html in $shared/compare"
printf 'slurm smoke: passed: a two-task array on a one-node Slurm wrote 2 bundles, the dependent compare compared them\n'
