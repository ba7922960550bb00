#!/usr/bin/env bash
# Is vrace's platform-thread control faithful to JCStress? Runs `racelab stress` and then
# `racelab vrace` on the same tests (quick profile, back to back, on this machine) and prints, for
# every race or interesting outcome (the lesson's race, or JCStress's ACCEPTABLE_INTERESTING), its
# share under JCStress, under vrace on platform threads and on virtual threads with 2 carriers,
# and whether vrace platform reaches the bar: at least a third of JCStress's share wherever
# JCStress shows 0.1 % or more. Then the sampling rates of lost update.
#
#   benchmarks/scripts/vrace-fidelity.sh [CASE_REGEX] [--tests-jar JAR]
#
# Needs python3. The machine's load (uptime) is printed before and after: on a busy machine the
# actors of both tools run less often at the same time, and both see fewer races.
set -euo pipefail
cd "$(dirname "$0")/../.."
regex="${1:-MessagePassing|StoreBuffering|LostUpdate.Plain|LazyInit.Racy}"
shift || true
out="$(mktemp -d)"
echo "load before: $(uptime)"
./racelab stress --profile quick --case "$regex" "$@" --out "$out/stress" > "$out/stress.log" 2>&1 || true
./racelab vrace --profile quick --case "$regex" --carriers 1,2 "$@" --out "$out/vrace" > "$out/vrace.log" 2>&1 || true
echo "load after:  $(uptime)"
python3 - "$out" <<'PY'
import json, sys, glob
out = sys.argv[1]
stress = json.load(open(glob.glob(out + "/stress/*/bundle.json")[0]))["stress"]
vrace = json.load(open(glob.glob(out + "/vrace/*/bundle.json")[0]))["vrace"]
def share(outcomes, oid, samples):
    n = sum(o["count"] for o in outcomes if o["id"] == oid)
    return 100.0 * n / samples if samples else 0.0, n
runs = {t["name"]: t["runs"] for t in vrace["tests"]}
print("%-62s %-12s %10s %12s %12s %12s  %s" % ("TEST", "OUTCOME", "JCSTRESS", "V.PLATFORM", "V.VIRT x1", "V.VIRT x2", "BAR"))
fails = 0
for t in stress["tests"]:
    if t["verdict"] not in ("PASSED", "FAILED") or t["name"] not in runs:
        continue
    race = set((t.get("lesson") or {}).get("race") or [])
    ids = [o["id"] for o in t["outcomes"] if o["id"] in race or o["expect"] == "ACCEPTABLE_INTERESTING"]
    for oid in ids:
        js, jn = share(t["outcomes"], oid, t["samples"])
        cells = {}
        for r in runs[t["name"]]:
            key = "platform" if r["threads"] == "platform" else "x%d" % r["carriers"]
            cells[key] = share(r.get("outcomes", []), oid, r["samples"])[0] if r["verdict"] == "PASSED" else None
        p = cells.get("platform")
        bar = "-"
        if js >= 0.1:
            ok = p is not None and p >= js / 3
            bar = "ok" if ok else "BELOW"
            fails += 0 if ok else 1
        elif jn > 0:
            bar = "seen" if p else "not seen"
        f = lambda v: "-" if v is None else "%.3g%%" % v
        print("%-62s %-12s %10s %12s %12s %12s  %s" % (t["name"][-62:], "[" + oid + "]", "%.3g%%" % js,
              f(p), f(cells.get("x1")), f(cells.get("x2")), bar))
for t in stress["tests"]:
    if t["name"].endswith("LostUpdate.Plain") or t["name"].endswith("LostUpdate$Plain"):
        ms = sum(c["sampleMillis"] for c in t["configs"]); n = sum(c["samples"] for c in t["configs"])
        line = "lost update samples/s: JCStress %.1fM/s" % (n / ms / 1e3 if ms else 0)
        for r in runs.get(t["name"], []):
            line += "; vrace %s %.1fM/s" % (r["threads"] + ("" if r["threads"] == "platform" else " x%d" % r["carriers"]),
                                            r["samplesPerSecond"] / 1e6)
        print(line)
print("outcomes below the bar:", fails)
PY
echo "bundles: $out"
