#!/usr/bin/env bash
# How racelab compare scales with the number of bundles: makes 10, 100 and 500 bundles (or the
# counts given) by copying real bundles and varying their machine facts, then times
# `racelab compare FOLDER --out DIR` on each under a 1 GiB heap (-Xmx1g), and reports the wall
# time, the most heap in use (from the JVM's GC log: the largest "before" of any collection, and
# the heap in use at exit; the peak is the larger), the process's peak resident memory, and the size of what it wrote.
#
# The target (issue 12): 500 bundles of a quick run in under 30 s and under 1 GiB of heap, time
# and memory growing at most linearly. This is a benchmark, run by hand; no unit test times it.
#
# The bundles: the committed fixtures harness/src/test/resources/report/bundle-2cpu.json (a real
# run's stress, vrace and sched sections, 28 tests) with the bench section of bundle-bench.json (a
# real quick-profile JMH run) added, so each has all four sections. Each copy gets its own host,
# architecture (x86_64, aarch64), CPU model, CPU count, OS (Linux, macOS, Windows) and JDK, and its
# race counts scaled by a random factor, so no two are the same. 2% of the copies are cut short
# (truncated) and 1% carry a newer schema: they must be skipped, one line each.
#
# Usage: benchmarks/scripts/compare-scale.sh [COUNT...]      (default: 10 100 500)
# Needs: python3 (to make the copies), GNU time at /usr/bin/time; the launcher finds the JDK.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
fixtures="$root/harness/src/test/resources/report"
work=$(mktemp -d "${TMPDIR:-/tmp}/racelab-compare-scale.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 100 500)

make_bundles() { # make_bundles COUNT DIR
    python3 - "$1" "$2" "$fixtures" <<'EOF'
import copy, json, os, random, sys
n, out, fixtures = int(sys.argv[1]), sys.argv[2], sys.argv[3]
base = json.load(open(os.path.join(fixtures, "bundle-2cpu.json")))
base["bench"] = json.load(open(os.path.join(fixtures, "bundle-bench.json")))["bench"]
base["profile"] = "quick"
rnd = random.Random(12)
machines = [
    ("x86_64", "Intel Core i7-1165G7", "Windows 11", "Windows"),
    ("amd64", "AMD Ryzen 7 5800U", "Ubuntu", "Linux"),
    ("aarch64", "Apple M2", "macOS", "Mac OS X"),
    ("aarch64", "Apple M1 Pro", "macOS", "Mac OS X"),
    ("x86_64", "Intel Core i5-8250U", "Debian GNU/Linux", "Linux"),
]
def scale(section):
    for t in (section or {}).get("tests", []):
        f = rnd.uniform(0.5, 1.5)
        for o in [t] + t.get("runs", []):
            if isinstance(o.get("samples"), int) and o["samples"] > 0:
                o["samples"] = int(o["samples"] * f)
                if isinstance(o.get("raceSamples"), int):
                    o["raceSamples"] = min(o["samples"], int(o["raceSamples"] * f * rnd.uniform(0.8, 1.2)))
for i in range(n):
    b = copy.deepcopy(base)
    arch, cpu, family, _ = machines[i % len(machines)]
    m = b["machine"]
    m["host"] = "student-%03d" % i
    m["cpu"]["model"] = cpu
    m["os"]["arch"], m["os"]["family"] = arch, family
    m["availableProcessors"] = rnd.choice([2, 4, 8, 10, 16])
    m["jvm"]["version"] = rnd.choice(["21.0.5", "25.0.1", "25.0.3"])
    scale(b.get("stress")); scale(b.get("vrace"))
    d = os.path.join(out, "student-%03d" % i, "results", "run-%03d" % i)
    os.makedirs(d)
    text = json.dumps(b, indent=2)
    if i % 50 == 7:
        text = text[: len(text) // 2]          # cut short
    elif i % 100 == 13:
        text = text.replace('"racelab.bundle/1', '"racelab.bundle/2', 1)   # a newer racelab
    open(os.path.join(d, "bundle.json"), "w").write(text)
EOF
}

printf '%-8s %-8s %-7s %-7s %-10s %-13s %-12s %-12s %s\n' bundles skipped wall_s cpu_s peak_heap heap_at_exit max_rss_MiB bundles_MiB written_MiB
for n in "${counts[@]}"; do
    dir="$work/class-$n"
    mkdir -p "$dir"
    make_bundles "$n" "$dir"
    out="$work/out-$n"
    gclog="$work/gc-$n.log"
    # wall and CPU seconds (user + system) and peak resident KiB, of the launcher and the JVM
    RACELAB_JAVA_OPTS="-Xmx1g -Xlog:gc,gc+exit:file=$gclog" \
        /usr/bin/time -f '%e %U %S %M' -o "$work/time-$n" "$root/racelab" compare "$dir" --out "$out" \
        >"$work/term-$n.txt" 2>"$work/err-$n.txt" \
        || { echo "compare of $n bundles failed:"; cat "$work/err-$n.txt"; exit 1; }
    read -r wall user sys rss <"$work/time-$n"
    # "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(1024M) 12.345ms": the largest before
    peak=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | sed 's/M->.*//' | sort -n | tail -1)
    # at exit: " garbage-first heap   total reserved 1048576K, committed 391168K, used 123456K"
    atexit=$(grep 'garbage-first heap' "$gclog" | grep -oE 'used [0-9]+K' | grep -oE '[0-9]+' || echo 0)
    skipped=$(grep -c '^skipped: ' "$work/term-$n.txt" || true)
    printf '%-8s %-8s %-7s %-7s %-10s %-13s %-12s %-12s %s\n' "$n" "$skipped" "$wall" "$(echo "$user + $sys" | bc)" \
        "${peak:-0}M" "$((atexit / 1024))M" "$((rss / 1024))" "$(du -sm "$dir" | cut -f1)" "$(du -sm "$out" | cut -f1)"
done
echo "load average before the last run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "machine: $(nproc) CPUs, $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
