#!/usr/bin/env bash
# Proves the lab assignments under labs/: for every assignment, the reference solution must pass
# every grading test, and every known-wrong fixture (labs/<id>/wrong/<mistake>/) must fail each
# test its assignment.json lists in "fails". Real runs: the student's files and the grading
# tests are compiled together (javac with JCStress's annotation processor), the JCStress tests
# run through `racelab stress --tests-jar`, the JUnit tests through the JUnit Platform launcher
# (scripts/LabJUnit.java). "predict" assignments are graded by racelab itself and only have
# their prediction files' format checked here.
#
# usage: scripts/lab-fixtures.sh [--profile smoke|quick|full|tough] [--runs N] [--timeout S] [--out DIR] [LAB[/FIXTURE]...]
#   LAB: an assignment id (default: all); LAB/FIXTURE: one fixture, "solution" or a mistake id.
#   --runs N repeats every fixture N times (the reliability table: N of N is the bar).
#   --timeout S is racelab stress's watchdog (default: racelab's, from the profile); a loaded
#   machine needs more. A test that gave no result (cut short by the watchdog, or never run)
#   is neither a pass nor a failure here: it counts against the fixture, whatever it expects.
#   A hang (a deadlock) is a failure: JCStress reports it as an ERROR ("Timeout waiting for
#   tasks to complete") once a fork's actors stop finishing.
#   --all-tests runs every grading test on the wrong fixtures too (default: only those in "fails").
# Needs: a built harness/target/racelab.jar (mvn -B -o -q -pl harness -am package -DskipTests),
# a JDK 21+ (found as ./racelab finds it), jq, and the JUnit 5 jars in the local Maven repository.
# Exit: 0 every fixture behaved as expected, 1 one did not, 2 bad usage.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/harness/target/racelab.jar
PROFILE=quick
RUNS=1
TIMEOUT=()
ALL_TESTS=0
OUT=${TMPDIR:-/tmp}/racelab-lab-fixtures
SELECT=()
while [ $# -gt 0 ]; do
    case $1 in
        --profile) PROFILE=${2:?--profile needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --out) OUT=${2:?--out needs a value}; shift 2 ;;
        --all-tests) ALL_TESTS=1; shift ;;
        --timeout) TIMEOUT=(--timeout "${2:?--timeout needs a value}"); shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        -*) echo "lab-fixtures: unknown option $1" >&2; exit 2 ;;
        *) SELECT+=("$1"); shift ;;
    esac
done
[ -f "$JAR" ] || { echo "lab-fixtures: $JAR missing: build it with mvn -B -o -q -pl harness -am package -DskipTests" >&2; exit 2; }
command -v jq >/dev/null || { echo "lab-fixtures: jq is needed" >&2; exit 2; }
JAVA_HOME_FOUND=$(RACELAB_LAUNCHER_DRY_RUN=1 "$ROOT/racelab" | sed -n 's/^java_home=//p')
[ -n "$JAVA_HOME_FOUND" ] || { echo "lab-fixtures: no JDK 21+ found" >&2; exit 2; }
JAVA=$JAVA_HOME_FOUND/bin/java
JAVAC=$JAVA_HOME_FOUND/bin/javac

M2=${M2_REPO:-$HOME/.m2/repository}
JUNIT_VERSION=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' "$ROOT/pom.xml")
PLATFORM_VERSION=1.${JUNIT_VERSION#5.}
JUNIT_CP=""
for j in org/junit/jupiter/junit-jupiter-api/$JUNIT_VERSION/junit-jupiter-api-$JUNIT_VERSION.jar \
         org/junit/jupiter/junit-jupiter-engine/$JUNIT_VERSION/junit-jupiter-engine-$JUNIT_VERSION.jar \
         org/junit/platform/junit-platform-commons/$PLATFORM_VERSION/junit-platform-commons-$PLATFORM_VERSION.jar \
         org/junit/platform/junit-platform-engine/$PLATFORM_VERSION/junit-platform-engine-$PLATFORM_VERSION.jar \
         org/junit/platform/junit-platform-launcher/$PLATFORM_VERSION/junit-platform-launcher-$PLATFORM_VERSION.jar \
         org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar \
         org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar; do
    [ -f "$M2/$j" ] || { echo "lab-fixtures: $M2/$j missing (run the Maven build once)" >&2; exit 2; }
    JUNIT_CP=$JUNIT_CP${JUNIT_CP:+:}$M2/$j
done

labs=()
if [ ${#SELECT[@]} -eq 0 ]; then
    for d in "$ROOT"/labs/*/; do [ -f "$d/assignment.json" ] && labs+=("$(basename "$d")"); done
else
    for s in "${SELECT[@]}"; do labs+=("${s%%/*}"); done
    mapfile -t labs < <(printf '%s\n' "${labs[@]}" | awk '!seen[$0]++')
fi

bad=0
mkdir -p "$OUT/junit-runner"
"$JAVAC" -cp "$JUNIT_CP" -d "$OUT/junit-runner" "$ROOT/scripts/LabJUnit.java" \
    || { echo "lab-fixtures: scripts/LabJUnit.java does not compile" >&2; exit 2; }
SUMMARY=$OUT/summary.tsv
printf 'lab\tfixture\trun\texpected\tverdict\tseconds\tdetail\n' > "$SUMMARY"

# Which fixtures of a lab were asked for: all, or those named LAB/FIXTURE.
wanted() { # lab fixture
    local s any=0
    for s in "${SELECT[@]+"${SELECT[@]}"}"; do
        [ "$s" = "$1" ] && return 0
        [ "${s%%/*}" = "$1" ] && any=1 && [ "$s" = "$1/$2" ] && return 0
    done
    [ ${#SELECT[@]} -eq 0 ] || [ $any -eq 0 ]
}

check_prediction() { # file
    local n
    n=$(grep -cE '^[01], [01] = (yes|no)$' "$1")
    [ "$n" -eq 4 ] && [ "$(grep -cvE '^\s*$' "$1")" -eq 4 ]
}

for lab in "${labs[@]}"; do
    dir=$ROOT/labs/$lab
    json=$dir/assignment.json
    [ -f "$json" ] || { echo "lab-fixtures: no assignment $lab" >&2; exit 2; }
    mapfile -t stress < <(jq -r '.tests[] | select(.kind=="stress") | .id' "$json")
    mapfile -t junit < <(jq -r '.tests[] | select(.kind=="junit") | .id' "$json")
    mapfile -t predict < <(jq -r '.tests[] | select(.kind=="predict") | .id' "$json")
    fixtures=(solution)
    mapfile -t -O 1 fixtures < <(jq -r '.wrong[].id' "$json")
    echo "== $lab: ${#stress[@]} stress, ${#junit[@]} junit, ${#predict[@]} predict; fixtures: ${fixtures[*]}"
    for fx in "${fixtures[@]}"; do
        wanted "$lab" "$fx" || continue
        if [ "$fx" = solution ]; then src=$dir/solution; expect=pass; mustfail=()
        else src=$dir/wrong/$fx; expect=fail; mapfile -t mustfail < <(jq -r --arg f "$fx" '.wrong[] | select(.id==$f) | .fails[]' "$json"); fi
        run_stress=("${stress[@]+"${stress[@]}"}")
        run_junit=("${junit[@]+"${junit[@]}"}")
        if [ "$expect" = fail ] && [ $ALL_TESTS = 0 ]; then
            run_stress=(); run_junit=()
            for t in "${mustfail[@]}"; do
                if printf '%s\n' "${stress[@]+"${stress[@]}"}" | grep -qxF "$t"; then run_stress+=("$t"); else run_junit+=("$t"); fi
            done
        fi
        for run in $(seq 1 "$RUNS"); do
            t0=$(date +%s)
            work=$OUT/$lab/$fx/run$run
            rm -rf "$work"; mkdir -p "$work/classes"
            declare -A verdict=()
            detail=""
            if [ ${#predict[@]} -gt 0 ]; then
                if check_prediction "$src/prediction.txt"; then verdict[format]=passed; else verdict[format]=failed; fi
                detail="prediction file format ${verdict[format]}; graded by racelab lab check"
                v=$([ "${verdict[format]}" = passed ] && echo ok || echo BAD)
                [ "$v" = ok ] || bad=1
                printf '%-12s %-24s run %s  %s  %s\n' "$lab" "$fx" "$run" "$v" "$detail"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$lab" "$fx" "$run" "$expect" "$v" 0 "$detail" >> "$SUMMARY"
                unset verdict; continue
            fi
            mapfile -t sources < <(find "$src" "$dir/grading" -name '*.java')
            if ! "$JAVAC" --release 21 -proc:full -processor org.openjdk.jcstress.infra.processors.JCStressTestProcessor \
                    -cp "$JAR:$JUNIT_CP" -d "$work/classes" "${sources[@]}" > "$work/javac.log" 2>&1; then
                echo "$lab $fx: does not compile:"; cat "$work/javac.log"; bad=1; unset verdict; continue
            fi
            if [ ${#run_stress[@]} -gt 0 ]; then
                regex=$(printf '%s\n' "${run_stress[@]}" | tr '$' . | sed 's/[.]/\\&/g' | paste -sd'|')
                "$JAVA" -jar "$JAR" stress --tests-jar "$work/classes" --case "^($regex)\$" --profile "$PROFILE" "${TIMEOUT[@]+"${TIMEOUT[@]}"}" --out "$work/out" \
                    > "$work/stress.log" 2>&1
                bundle=$(ls -d "$work"/out/*/bundle.json 2>/dev/null | head -1)
                for t in "${run_stress[@]}"; do
                    line=""
                    [ -n "$bundle" ] && line=$(jq -r --arg n "${t//\$/.}" '.stress.complete as $c | .stress.tests[] | select(.name==$n) |
                        [.verdict, (.samples|tostring),
                         ([.outcomes[] | select(.expect=="FORBIDDEN" and .count>0) | "\(.id)=\(.count)"] | join(" ")),
                         ($c|tostring), (.reason // "" | gsub("[\t\n]"; " "))] | join("\u001f")' "$bundle")
                    if [ -z "$line" ]; then
                        verdict[$t]=no-result; detail+="${t##*.}: no result (see $work/stress.log); "
                        continue
                    fi
                    IFS=$'\x1f' read -r v samples forb complete reason <<< "$line"
                    case $v in
                        PASSED) if [ "$complete" = true ]; then verdict[$t]=passed; else verdict[$t]=no-result; fi ;;
                        FAILED|ERROR) verdict[$t]=failed ;;
                        *) verdict[$t]=no-result ;;
                    esac
                    detail+="${t##*.}: $v, $samples samples${forb:+, FORBIDDEN $forb}"
                    [ "${verdict[$t]}" = failed ] && [ -z "$forb" ] && detail+=" (${reason:0:120})"
                    [ "$complete" = true ] || detail+=" (the run was cut short)"
                    detail+="; "
                done
            fi
            if [ ${#run_junit[@]} -gt 0 ]; then
                timeout 300 "$JAVA" -cp "$JUNIT_CP:$OUT/junit-runner:$JAR:$work/classes" LabJUnit "${run_junit[@]}" \
                    > "$work/junit.log" 2>&1
                for t in "${run_junit[@]}"; do
                    if grep -q "^FAIL $t[#:]" "$work/junit.log" || ! grep -q "^PASS $t#" "$work/junit.log"; then
                        verdict[$t]=failed
                        detail+="${t##*.}: failed ($(grep -m1 "^FAIL $t[#:]" "$work/junit.log" | cut -c1-160)); "
                    else
                        verdict[$t]=passed; detail+="${t##*.}: passed; "
                    fi
                done
            fi
            ok=1
            if [ "$expect" = pass ]; then
                for t in "${!verdict[@]}"; do [ "${verdict[$t]}" = passed ] || ok=0; done
            else
                for t in "${mustfail[@]}"; do [ "${verdict[$t]:-passed}" = failed ] || ok=0; done
            fi
            secs=$(( $(date +%s) - t0 ))
            v=$([ $ok = 1 ] && echo ok || echo BAD)
            [ $ok = 1 ] || bad=1
            printf '%-12s %-24s run %s  %-3s %4ss  %s\n' "$lab" "$fx" "$run" "$v" "$secs" "$detail"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$lab" "$fx" "$run" "$expect" "$v" "$secs" "$detail" >> "$SUMMARY"
            unset verdict
        done
    done
done
echo "summary: $SUMMARY"
[ $bad = 0 ] && echo "every solution passed and every wrong fixture failed its tests" || echo "SOME FIXTURES DID NOT BEHAVE AS EXPECTED"
exit $bad
