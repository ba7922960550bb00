package org.racelab.harness.console;

import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The stress section for a person at a terminal: one line per variant, grouped by case,
 * saying whether the race was seen and how often, then the totals and where the files are.
 */
public final class StressSummary {

    private static final String ROW = "  %-26s %-8s %-28s %15s  %s%n";

    private final PrintStream out;

    public StressSummary(PrintStream out) {
        this.out = ShownText.of(out);
    }

    /**
     * The catalog's tests (those with a lesson) as a table by case, in the catalog's order; the
     * tests without a lesson (a suite of one's own) in {@link StressOverview}'s order: failed
     * first, then what was seen, then the rest counted in one line.
     */
    public void print(StressSection s, Path folder) {
        out.println();
        out.printf(Locale.ROOT, "Stress: %s, %d CPUs, %.0f s%s%n", s.tool(), s.cpus(), s.elapsedSeconds(),
                s.complete() ? "" : "  (INCOMPLETE: " + s.incomplete() + ")");
        List<StressTestResult> lessons = s.tests().stream().filter(t -> t.lesson() != null).toList();
        List<StressTestResult> suite = s.tests().stream().filter(t -> t.lesson() == null).toList();
        if (!lessons.isEmpty()) {
            out.println();
            out.printf(ROW, "CASE / VARIANT", "KIND", "SEEN", "SAMPLES", "VERDICT");
            String currentCase = null;
            for (StressTestResult t : lessons) {
                if (!Objects.equals(currentCase, t.caseName())) {
                    currentCase = t.caseName();
                    out.println(currentCase + "  -- " + t.lesson().claim());
                }
                row(t, t.variant());
            }
        }
        if (!suite.isEmpty()) {
            suite(StressOverview.of(suite));
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

    private void row(StressTestResult t, String label) {
        out.printf(Locale.ROOT, ROW, label, t.kind(), StressOverview.seenText(t), String.format(Locale.ROOT, "%,d", t.samples()),
                t.verdict() + (t.reason() == null || t.verdict() == Verdict.PASSED ? "" : ": " + t.reason()));
        StressOverview.interestingLines(t).forEach(l -> out.println("      " + l));
    }

    /** A test of a suite: its full name on a line of its own (names are long), then its row. */
    private void suiteRow(StressTestResult t) {
        out.println("  " + t.name());
        row(t, "");
    }

    /** Tests without a lesson: JCStress's meaning ("interesting"), failed first, then seen, then the rest. */
    private void suite(StressOverview o) {
        out.println();
        out.println("Tests without a racelab lesson: JCStress's meaning, its ACCEPTABLE_INTERESTING outcomes are 'interesting'.");
        out.printf(ROW, "TEST", "KIND", "SEEN", "SAMPLES", "VERDICT");
        if (!o.failed().isEmpty()) {
            out.printf(Locale.ROOT, "Failed or errored (%,d):%n", o.failed().size());
            o.failed().forEach(this::suiteRow);
        }
        if (!o.seen().isEmpty()) {
            out.printf(Locale.ROOT, "Interesting seen (%,d), the largest share first:%n", o.seen().size());
            o.seen().forEach(this::suiteRow);
        }
        out.printf(Locale.ROOT, "The rest (%,d): %s%n", o.rest().size(), o.rest().isEmpty() ? "none" : o.restText());
    }

    public static String totals(List<StressTestResult> tests) {
        long passed = count(tests, Verdict.PASSED);
        long failed = count(tests, Verdict.FAILED);
        long errors = count(tests, Verdict.ERROR);
        long skipped = count(tests, Verdict.SKIPPED);
        long notRun = count(tests, Verdict.NOT_RUN);
        long unknown = count(tests, Verdict.UNKNOWN);
        String seen = seenTotals(tests);
        return String.format(Locale.ROOT, "%d passed, %d failed, %d errors, %d skipped%s.%s",
                passed, failed, errors, skipped, (notRun == 0 ? "" : ", " + notRun + " not run")
                        + (unknown == 0 ? "" : ", " + unknown + " with a verdict this racelab does not know"),
                seen.isEmpty() ? "" : " " + seen);
    }

    /**
     * How many tests showed what they could: "Race seen in 8 of 9 racy variants that ran." for the
     * lessons, "Interesting outcome (JCStress's meaning) seen in 3 of 5 tests that have one and ran."
     * for tests without a lesson.
     */
    public static String seenTotals(List<StressTestResult> tests) {
        long racy = tests.stream().filter(t -> t.kind().equals("racy") && t.raceObserved() != null).count();
        long seen = tests.stream().filter(t -> t.kind().equals("racy") && Boolean.TRUE.equals(t.raceObserved())).count();
        long interesting = tests.stream().filter(t -> Meaning.INTERESTING.equals(t.meaning()) && t.raceObserved() != null).count();
        long interestingSeen = tests.stream()
                .filter(t -> Meaning.INTERESTING.equals(t.meaning()) && Boolean.TRUE.equals(t.raceObserved())).count();
        List<String> parts = new java.util.ArrayList<>();
        if (racy > 0 || interesting == 0) {
            parts.add(String.format(Locale.ROOT, "Race seen in %d of %d racy variants that ran.", seen, racy));
        }
        if (interesting > 0) {
            parts.add(String.format(Locale.ROOT,
                    "Interesting outcome (JCStress's meaning) seen in %d of %d tests that have one and ran.",
                    interestingSeen, interesting));
        }
        return String.join(" ", parts);
    }

    private static long count(List<StressTestResult> tests, Verdict verdict) {
        return tests.stream().filter(t -> t.verdict() == verdict).count();
    }
}
