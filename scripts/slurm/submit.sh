#!/usr/bin/env bash
# Runs racelab on a Slurm cluster as one job array, then compares every bundle it wrote.
#
#   scripts/slurm/submit.sh --shared DIR [--partition P]... [--tasks N] [--shared-nodes]
#                           [--sbatch-opt OPT]... [-- RACELAB_ARGS...]
#
#   --shared DIR     a folder every node sees (results go to DIR/runs, the compare to DIR/compare,
#                    Slurm's logs to DIR/logs)
#   --partition P    one array per partition (repeat for several); default: the default partition
#   --tasks N        array tasks per partition (default 1): e.g. the number of its nodes
#   --shared-nodes   let tasks share a node (default: each task has its node to itself, so that
#                    one run does not disturb another's measurements)
#   --sbatch-opt OPT passed to every sbatch (e.g. --sbatch-opt=--time=02:00:00)
#   RACELAB_ARGS     the racelab command of each task (default: run --profile quick)
#
# The checkout must be on a filesystem the nodes see too; the launcher is built here first, once,
# so that the tasks do not all build at once. Prints the job ids; the compare job runs only if
# every task succeeded (--dependency=afterok).
set -euo pipefail

usage() { printf 'submit.sh: %s\n' "$1" >&2; exit 2; }

HOME_DIR=$(cd -P -- "$(dirname -- "$0")/../.." && pwd -P)
shared="" tasks=1 exclusive=1
partitions=() extra=()
while [ "$#" -gt 0 ]; do
    case $1 in
        --shared) [ "$#" -ge 2 ] || usage "--shared needs a folder"; shared=$2; shift 2 ;;
        --shared=*) shared=${1#--shared=}; shift ;;
        --partition) [ "$#" -ge 2 ] || usage "--partition needs a name"; partitions+=("$2"); shift 2 ;;
        --partition=*) partitions+=("${1#--partition=}"); shift ;;
        --tasks) [ "$#" -ge 2 ] || usage "--tasks needs a number"; tasks=$2; shift 2 ;;
        --tasks=*) tasks=${1#--tasks=}; shift ;;
        --shared-nodes) exclusive=0; shift ;;
        --sbatch-opt) [ "$#" -ge 2 ] || usage "--sbatch-opt needs an option"; extra+=("$2"); shift 2 ;;
        --sbatch-opt=*) extra+=("${1#--sbatch-opt=}"); shift ;;
        --) shift; break ;;
        *) usage "unknown option '$1' (see the comment at the top of this script)" ;;
    esac
done
[ -n "$shared" ] || usage "give --shared DIR, a folder every node sees"
case $tasks in ''|*[!0-9]*|0) usage "--tasks must be a whole number from 1" ;; esac
command -v sbatch >/dev/null 2>&1 || usage "no sbatch on PATH: run this on a Slurm login node"

mkdir -p "$shared/runs" "$shared/logs"
shared=$(cd -P -- "$shared" && pwd -P)

# Build once, here (the launcher builds on first use; 'list' is quick and runs nothing).
"$HOME_DIR/racelab" list >/dev/null

export RACELAB_HOME="$HOME_DIR" RACELAB_SHARED="$shared"
common=(--parsable --export=ALL --chdir="$shared")
[ "$exclusive" = 1 ] && common+=(--exclusive)
[ "${#extra[@]}" -gt 0 ] && common+=("${extra[@]}")
[ "${#partitions[@]}" -gt 0 ] || partitions=("")

ids=()
for p in "${partitions[@]}"; do
    args=("${common[@]}" --array="0-$((tasks - 1))" --output="$shared/logs/racelab-%A_%a.out")
    [ -n "$p" ] && args+=(--partition="$p")
    id=$(sbatch "${args[@]}" "$HOME_DIR/scripts/slurm/racelab-array.sbatch" "$@")
    id=${id%%;*}
    ids+=("$id")
    printf 'array job %s: %s task(s)%s\n' "$id" "$tasks" "${p:+ on partition $p}"
done

dep=$(IFS=:; printf '%s' "${ids[*]}")
cid=$(sbatch --parsable --export=ALL --chdir="$shared" --dependency="afterok:$dep" \
      --output="$shared/logs/racelab-compare-%j.out" \
      ${extra[@]+"${extra[@]}"} "$HOME_DIR/scripts/slurm/racelab-compare.sbatch")
cid=${cid%%;*}
printf 'compare job %s: after %s, into %s/compare\n' "$cid" "$dep" "$shared"
