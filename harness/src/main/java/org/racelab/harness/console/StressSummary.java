package org.racelab.harness.console;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The stress section for a person at a terminal: one line per variant, grouped by case,
 * saying whether the race was seen and how often, then the totals and where the files are.
 */
public final class StressSummary {

    private static final String ROW = "  %-26s %-7s %-24s %15s  %s%n";

    private final PrintStream out;

    public StressSummary(PrintStream out) {
        this.out = ShownText.of(out);
    }

    public void print(StressSection s, Path folder) {
        out.println();
        out.printf(Locale.ROOT, "Stress: %s, %d CPUs, %.0f s%s%n", s.tool(), s.cpus(), s.elapsedSeconds(),
                s.complete() ? "" : "  (INCOMPLETE: " + s.incomplete() + ")");
        out.println();
        out.printf(ROW, "CASE / VARIANT", "KIND", "RACE SEEN", "SAMPLES", "VERDICT");
        String currentCase = null;
        for (StressTestResult t : s.tests()) {
            if (!Objects.equals(currentCase, t.caseName())) {
                currentCase = t.caseName();
                out.println(currentCase + (t.lesson() == null ? "" : "  -- " + t.lesson().claim()));
            }
            out.printf(Locale.ROOT, ROW, t.variant(), t.kind(), raceColumn(t), String.format(Locale.ROOT, "%,d", t.samples()),
                    t.verdict() + (t.reason() == null || t.verdict() == Verdict.PASSED ? "" : ": " + t.reason()));
        }
        out.println();
        out.println(totals(s.tests()));
        List<String> missed = s.tests().stream()
                .filter(t -> Boolean.TRUE.equals(t.raceExpected()) && Boolean.FALSE.equals(t.raceObserved()))
                .map(StressTestResult::name).toList();
        if (!missed.isEmpty()) {
            out.println("Expected on this hardware but not seen this time: " + String.join(", ", missed)
                    + " (try --profile full)");
        }
        out.println("Results: " + folder.resolve("bundle.json")
                + (s.rawReport() == null ? "" : ", JCStress's report: " + folder.resolve(s.rawReport())));
    }

    private static String raceColumn(StressTestResult t) {
        if (t.raceObserved() == null) {
            return t.kind().equals("no-race") ? "(no race to show)" : "-";
        }
        if (!t.raceObserved()) {
            return "no";
        }
        double share = t.samples() == 0 ? 0 : 100.0 * t.raceSamples() / t.samples();
        String ids = t.outcomes().stream().filter(o -> o.count() > 0 && t.lesson().race().contains(o.id()))
                .map(OutcomeCount::id).collect(Collectors.joining(" | "));
        return String.format(Locale.ROOT, "yes %s [%s]", Format.percent(share), ids);
    }

    /** A share in percent: one decimal from 1 % up, two significant digits below. */

    public static String totals(List<StressTestResult> tests) {
        long passed = count(tests, Verdict.PASSED);
        long failed = count(tests, Verdict.FAILED);
        long errors = count(tests, Verdict.ERROR);
        long skipped = count(tests, Verdict.SKIPPED);
        long notRun = count(tests, Verdict.NOT_RUN);
        long unknown = count(tests, Verdict.UNKNOWN);
        long racy = tests.stream().filter(t -> t.kind().equals("racy") && t.raceObserved() != null).count();
        long seen = tests.stream().filter(t -> t.kind().equals("racy") && Boolean.TRUE.equals(t.raceObserved())).count();
        return String.format(Locale.ROOT, "%d passed, %d failed, %d errors, %d skipped%s. Race seen in %d of %d racy variants that ran.",
                passed, failed, errors, skipped, (notRun == 0 ? "" : ", " + notRun + " not run")
                        + (unknown == 0 ? "" : ", " + unknown + " with a verdict this racelab does not know"), seen, racy);
    }

    private static long count(List<StressTestResult> tests, Verdict verdict) {
        return tests.stream().filter(t -> t.verdict() == verdict).count();
    }
}
