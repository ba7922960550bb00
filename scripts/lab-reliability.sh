#!/usr/bin/env bash
# Are the lab grades trustworthy? Runs `racelab lab check` on every reference solution and every
# known-wrong submission of every assignment, N times each, and prints a Markdown table: how many
# runs behaved as they must (the solution passes: exit 0; a wrong submission fails: exit 1, with
# every test its assignment.json lists under "fails" FAILED), and the median and slowest time.
#
# usage: scripts/lab-reliability.sh [--runs N] [--profile smoke|quick|full|tough] [--labs DIR]
#                                   [--out DIR] [ASSIGNMENT[/SUBMISSION]...]
#   SUBMISSION: "solution" or a mistake's id (a folder under wrong/). Default: everything.
# Needs: racelab built (./racelab builds it on first use), python3 (to read assignment.json).
# Exit: 0 every run behaved as it must, 1 one did not, 2 bad usage.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=10
PROFILE=quick
LABS=$ROOT/labs
LABS_OPT=()
OUT=${TMPDIR:-/tmp}/racelab-lab-reliability
SELECT=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --profile) PROFILE=${2:?--profile needs a value}; shift 2 ;;
        --labs) LABS=$(cd "${2:?--labs needs a folder}" && pwd); LABS_OPT=(--labs "$LABS"); shift 2 ;;
        --out) OUT=${2:?--out needs a folder}; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        -*) echo "lab-reliability: unknown option $1" >&2; exit 2 ;;
        *) SELECT+=("$1"); shift ;;
    esac
done
case $RUNS in ''|*[!0-9]*) echo "lab-reliability: --runs takes a number" >&2; exit 2 ;; esac

selected() { # assignment submission
    [ ${#SELECT[@]} -eq 0 ] && return 0
    local s
    for s in "${SELECT[@]}"; do
        [ "$s" = "$1" ] || [ "$s" = "$1/$2" ] && return 0
    done
    return 1
}

# assignment.json -> lines: "student FILE", "wrong ID TEST TEST..."
describe() {
    python3 - "$1" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
for s in a["student"]:
    print("student", s)
for w in a.get("wrong", []):
    print("wrong", w["id"], *[t.rsplit(".", 1)[-1].replace("$", ".") for t in w["fails"]])
PY
}

mkdir -p "$OUT"
bad=0
printf '| assignment | submission | must | as it must | median time | slowest |\n'
printf '| --- | --- | --- | --- | --- | --- |\n'
for dir in "$LABS"/*/; do
    id=$(basename "$dir")
    [ -f "$dir/assignment.json" ] || continue
    students=()
    declare -A fails=()
    while read -r kind a b; do
        case $kind in
            student) students+=("$a") ;;
            wrong) fails[$a]=$b ;;
        esac
    done < <(describe "$dir/assignment.json")
    for sub in solution "${!fails[@]}"; do
        selected "$id" "$sub" || continue
        from=$dir/wrong/$sub
        [ "$sub" = solution ] && from=$dir/solution
        ok=0
        times=()
        for run in $(seq 1 "$RUNS"); do
            work=$OUT/$id/$sub/$run
            rm -rf "$work" && mkdir -p "$work/submission/src"
            for f in "${students[@]}"; do
                case $f in
                    *.java) mkdir -p "$(dirname "$work/submission/src/$f")"; cp "$from/$f" "$work/submission/src/$f" ;;
                    *) cp "$from/$f" "$work/submission/$f" ;;
                esac
            done
            start=$(date +%s)
            "$ROOT/racelab" lab check "$work/submission" --assignment "$id" --profile "$PROFILE" \
                "${LABS_OPT[@]}" --out "$work/out" >"$work/stdout.txt" 2>"$work/stderr.txt"
            rc=$?
            times+=($(( $(date +%s) - start )))
            if [ "$sub" = solution ]; then
                [ $rc -eq 0 ] && ok=$((ok + 1))
            elif [ $rc -eq 1 ]; then
                all=1
                for t in ${fails[$sub]}; do
                    grep -Eq "^  FAILED +[0-9]+/[0-9]+ +$t \(" "$work/stdout.txt" || all=0
                done
                ok=$((ok + all))
            fi
        done
        sorted=$(printf '%s\n' "${times[@]}" | sort -n)
        median=$(printf '%s\n' "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
        slowest=$(printf '%s\n' "$sorted" | tail -n 1)
        must=passes
        [ "$sub" = solution ] || must="fails ${fails[$sub]}"
        printf '| %s | %s | %s | %d of %d | %s s | %s s |\n' "$id" "$sub" "$must" "$ok" "$RUNS" "$median" "$slowest"
        [ "$ok" -eq "$RUNS" ] || bad=1
    done
    unset fails
done
exit $bad
