#!/usr/bin/env bash
# Are the lab grades trustworthy? Runs `racelab lab check` on every reference solution and every
# known-wrong submission of every assignment, N times each, and prints a Markdown table: how many
# runs behaved as they must (the solution passes: exit 0; a wrong submission fails: exit 1, with
# every test its assignment.json lists under "fails" FAILED), the median and slowest time, and the
# machine's load average over the runs (a check's time depends on what else the machine does).
#
# Runs go round by round (every submission once, then every submission again), and each run's
# verdict is kept in OUT/<assignment>/<submission>/<run>/result: a run cut short (Ctrl-C, a session
# that ends) loses only the check in progress, and the same command later goes on where it stopped.
# --table prints the table from what OUT holds, running nothing; --fresh forgets OUT first.
# --tsv prints every run kept, one line each, instead of the table (to keep a measurement beyond
# the machine it ran on); --import FILE puts such lines back into OUT (runs OUT already has stay).
#
# usage: scripts/lab-reliability.sh [--runs N] [--profile smoke|quick|full|tough] [--labs DIR]
#                                   [--out DIR] [--table] [--tsv] [--import FILE] [--fresh]
#                                   [ASSIGNMENT[/SUBMISSION]...]
#   SUBMISSION: "solution" or a mistake's id (a folder under wrong/). Default: everything.
# Needs: racelab built (./racelab builds it on first use), python3 (to read assignment.json).
# Exit: 0 every run behaved as it must and all N were run, 1 otherwise, 2 bad usage.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=10
PROFILE=quick
LABS=$ROOT/labs
LABS_OPT=()
OUT=${TMPDIR:-/tmp}/racelab-lab-reliability
TABLE_ONLY=0
TSV=0
IMPORT=
FRESH=0
SELECT=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --profile) PROFILE=${2:?--profile needs a value}; shift 2 ;;
        --labs) LABS=$(cd "${2:?--labs needs a folder}" && pwd) || exit 2; LABS_OPT=(--labs "$LABS"); shift 2 ;;
        --out) OUT=${2:?--out needs a folder}; shift 2 ;;
        --table) TABLE_ONLY=1; shift ;;
        --tsv) TSV=1; TABLE_ONLY=1; shift ;;
        --import) IMPORT=${2:?--import needs a file}; shift 2 ;;
        --fresh) FRESH=1; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        -*) echo "lab-reliability: unknown option $1" >&2; exit 2 ;;
        *) SELECT+=("$1"); shift ;;
    esac
done
case $RUNS in ''|*[!0-9]*|0) echo "lab-reliability: --runs takes a number of 1 or more" >&2; exit 2 ;; esac
case $PROFILE in smoke|quick|full|tough) ;; *) echo "lab-reliability: --profile is smoke, quick, full or tough" >&2; exit 2 ;; esac
OUT=$OUT/$PROFILE

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

# Every (assignment, submission) to check: ENTRY_ID, ENTRY_SUB, ENTRY_FROM, ENTRY_FAILS ("" for a
# solution), ENTRY_FILES (the student's files, space-separated).
ENTRY_ID=() ENTRY_SUB=() ENTRY_FROM=() ENTRY_FAILS=() ENTRY_FILES=()
for dir in "$LABS"/*/; do
    id=$(basename "$dir")
    [ -f "$dir/assignment.json" ] || continue
    desc=$(describe "$dir/assignment.json") || { echo "lab-reliability: cannot read $dir/assignment.json" >&2; exit 2; }
    files=$(printf '%s\n' "$desc" | awk '$1 == "student" { printf "%s ", $2 }')
    if selected "$id" solution; then
        ENTRY_ID+=("$id") ENTRY_SUB+=(solution) ENTRY_FROM+=("$dir/solution") ENTRY_FAILS+=("") ENTRY_FILES+=("$files")
    fi
    while read -r kind sub tests; do
        if [ "$kind" != wrong ] || ! selected "$id" "$sub"; then continue; fi
        ENTRY_ID+=("$id") ENTRY_SUB+=("$sub") ENTRY_FROM+=("$dir/wrong/$sub") ENTRY_FAILS+=("$tests") ENTRY_FILES+=("$files")
    done <<< "$desc"
done
[ ${#ENTRY_ID[@]} -gt 0 ] || { echo "lab-reliability: nothing selected in $LABS" >&2; exit 2; }

[ $FRESH -eq 1 ] && rm -rf "$OUT"
mkdir -p "$OUT"

TSV_HEAD='assignment\tsubmission\trun\tas_it_must\texit\tseconds\tload\tcommit\tfinished_utc'
if [ -n "$IMPORT" ]; then
    [ -f "$IMPORT" ] || { echo "lab-reliability: --import: no file $IMPORT" >&2; exit 2; }
    [ "$(head -n 1 "$IMPORT")" = "$(printf '%b' "$TSV_HEAD")" ] \
        || { echo "lab-reliability: --import: $IMPORT is not a --tsv listing (its first line differs)" >&2; exit 2; }
    n=0
    while IFS=$'\t' read -r id sub run good rc seconds load commit at; do
        if ! [[ $id =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ && $sub =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$
                && $run =~ ^[1-9][0-9]*$ && $good =~ ^[01]$ && $rc =~ ^[0-9]+$ && $seconds =~ ^[0-9]+$
                && $load =~ ^[0-9.?]+$ && $commit =~ ^[0-9a-f?]+$ && $at =~ ^[0-9TZ:?-]+$ ]]; then
            echo "lab-reliability: --import: not a run of this script: $id $sub $run $good $rc $seconds" >&2
            exit 2
        fi
        r=$OUT/$id/$sub/$run/result
        [ -f "$r" ] && continue
        mkdir -p "$(dirname "$r")" && echo "$good $rc $seconds $load $commit $at" > "$r" && n=$((n + 1))
    done < <(tail -n +2 "$IMPORT")
    echo "lab-reliability: imported $n runs into $OUT" >&2
fi
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')

# One lab check; writes WORK/result: "as-it-must(0|1) exit-code seconds load-average commit finished".
check() { # index run
    local i=$1 run=$2 id=${ENTRY_ID[$1]} sub=${ENTRY_SUB[$1]} from=${ENTRY_FROM[$1]}
    local work=$OUT/$id/$sub/$run f start rc seconds load ok t
    rm -rf "$work" && mkdir -p "$work/submission/src"
    for f in ${ENTRY_FILES[$i]}; do
        case $f in
            *.java) mkdir -p "$(dirname "$work/submission/src/$f")"; cp "$from/$f" "$work/submission/src/$f" ;;
            *) cp "$from/$f" "$work/submission/$f" ;;
        esac
    done
    load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
    start=$(date +%s)
    "$ROOT/racelab" lab check "$work/submission" --assignment "$id" --profile "$PROFILE" \
        "${LABS_OPT[@]}" --out "$work/out" >"$work/stdout.txt" 2>"$work/stderr.txt"
    rc=$?
    seconds=$(( $(date +%s) - start ))
    [ $rc -ge 128 ] && return 1   # killed (Ctrl-C): no verdict; this run is done again next time
    ok=0
    if [ "$sub" = solution ]; then
        [ $rc -eq 0 ] && ok=1
    elif [ $rc -eq 1 ]; then
        ok=1
        for t in ${ENTRY_FAILS[$i]}; do
            grep -Eq "^  FAILED +[0-9]+/[0-9]+ +$t \(" "$work/stdout.txt" || ok=0
        done
    fi
    rm -rf "$work/out/"*/raw
    echo "$ok $rc $seconds $load $COMMIT $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$work/result"
    printf 'lab-reliability: run %d %s/%s: %s, exit %d, %d s, load %s\n' "$run" "$id" "$sub" \
        "$([ $ok -eq 1 ] && echo 'as it must' || echo 'NOT as it must')" "$rc" "$seconds" "$load" >&2
}

if [ $TABLE_ONLY -eq 0 ]; then
    trap 'echo "lab-reliability: stopped; the same command goes on from here" >&2; exit 130' INT TERM
    for run in $(seq 1 "$RUNS"); do
        for i in "${!ENTRY_ID[@]}"; do
            [ -f "$OUT/${ENTRY_ID[$i]}/${ENTRY_SUB[$i]}/$run/result" ] && continue
            check "$i" "$run" || exit 130
        done
    done
fi

if [ $TSV -eq 1 ]; then
    printf '%b\n' "$TSV_HEAD"
    for i in "${!ENTRY_ID[@]}"; do
        for r in "$OUT/${ENTRY_ID[$i]}/${ENTRY_SUB[$i]}"/*/result; do
            [ -f "$r" ] || continue
            run=$(basename "$(dirname "$r")")
            read -r good rc seconds load commit at < "$r"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${ENTRY_ID[$i]}" "${ENTRY_SUB[$i]}" "$run" \
                "$good" "$rc" "$seconds" "$load" "${commit:-?}" "${at:-?}"
        done
    done | sort -t$'\t' -k1,1 -k2,2 -k3,3n
    exit 0
fi

bad=0
printf '| assignment | submission | must | as it must | median time | slowest | load average |\n'
printf '| --- | --- | --- | --- | --- | --- | --- |\n'
for i in "${!ENTRY_ID[@]}"; do
    id=${ENTRY_ID[$i]} sub=${ENTRY_SUB[$i]}
    ok=0 done=0 times=() loads=()
    for run in $(seq 1 "$RUNS"); do
        r=$OUT/$id/$sub/$run/result
        [ -f "$r" ] || continue
        read -r good _ seconds load _ < "$r"
        done=$((done + 1)) ok=$((ok + good))
        times+=("$seconds") loads+=("$load")
    done
    must=passes
    [ "$sub" = solution ] || must="fails ${ENTRY_FAILS[$i]}"
    if [ $done -eq 0 ]; then
        printf '| %s | %s | %s | not run | | | |\n' "$id" "$sub" "$must"
        bad=1
        continue
    fi
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(printf '%s\n' "$sorted" | sed -n "$(( (done + 1) / 2 ))p")
    slowest=$(printf '%s\n' "$sorted" | tail -n 1)
    lsorted=$(printf '%s\n' "${loads[@]}" | sort -g)
    lrange="$(printf '%s\n' "$lsorted" | head -n 1)-$(printf '%s\n' "$lsorted" | tail -n 1)"
    printf '| %s | %s | %s | %d of %d | %s s | %s s | %s |\n' "$id" "$sub" "$must" "$ok" "$done" "$median" "$slowest" "$lrange"
    [ "$ok" -eq "$RUNS" ] || bad=1
done
exit $bad
