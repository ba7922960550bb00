package org.racelab.harness.report;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.format.Texts;
import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.console.SchedSummary;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.console.StressOverview;
import org.racelab.harness.console.StressSummary;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.bundle.Machine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.racelab.harness.grade.Grade;
import org.racelab.harness.grade.Grades;
import java.util.stream.Collectors;

/**
 * What a report shows of one bundle, as plain values for the templates (HTML and Markdown): the
 * machine, one lesson card per case, the benchmarks, the scheduling figures and timelines.
 * A section absent from the bundle is absent here. Every part is built on its own, so a part a
 * hostile bundle breaks says so in its place and the rest of the page still shows.
 */
public record ReportModel(String title, String source, List<Fact> machine, List<Fact> run, List<String> cleaned,
                          List<String> absent, boolean hasStress, String stressHeadline, Overview overview,
                          List<CaseCard> cases,
                          List<BriefRow> moreTests, String moreNote,
                          boolean hasBench, String benchHeadline, List<BenchGroup> benchGroups,
                          List<String> benchFailures, boolean hasSched, String schedText, List<Chart> schedCharts,
                          List<String> problems, Grade lab) {

    /** The sched text for a Markdown code block: no control characters, no backtick to end the block. */
    public String schedCode() {
        return code(schedText);
    }

    public String sourceCode() {
        return code(source);
    }

    private static String code(String s) {
        return s.lines().map(l -> Texts.terminal(Texts.cut(l, Limits.SHOWN_CHARS))).map(l -> l.replace('`', '\''))
                .collect(Collectors.joining("\n"));
    }

    public boolean anyMore() {
        return !moreTests.isEmpty();
    }

    public boolean anyCleaned() {
        return !cleaned.isEmpty();
    }

    public boolean anyProblems() {
        return !problems.isEmpty();
    }

    public boolean anyAbsent() {
        return !absent.isEmpty();
    }

    public boolean anyBenchFailures() {
        return !benchFailures.isEmpty();
    }

    public record Fact(String label, String value) {
    }

    public record Chart(String title, String svg, String problem) {
    }

    public record CaseCard(String anchor, String name, String topic, String notes, String claim,
                           List<VariantCard> variants) {
        /** The case's name where a variant's {@code name} would hide it (Mustache looks inner first). */
        public String caseTitle() {
            return name;
        }
    }

    /** @param description the test's own JCStress {@code @Description}, or null */
    public record VariantCard(String name, String test, String description, String kind, String verdict, String verdictClass,
                              String reason, String race, String raceClass, String samples, String histogram,
                              List<OutcomeRow> outcomes, boolean hasVrace, List<VraceCell> vrace,
                              List<String> failures, boolean hasSc, String sc, List<Witness> witnesses) {
        public boolean anyOutcomes() {
            return !outcomes.isEmpty();
        }
    }

    public record OutcomeRow(String id, String count, String share, String expect, String expectClass,
                             String description, String sc) {
    }

    /** What interleavings say of one outcome: the witness drawn (a column per actor), or why none gives it. */
    public record Witness(String title, String drawing, String note) {
    }

    public record VraceCell(String config, String verdict, String race, String samples, String rate) {
    }

    /**
     * The stress section at a glance, in {@link StressOverview}'s order: the counts by verdict,
     * the tests that failed or errored with their reasons, those where a race or an interesting
     * outcome was seen with its share (each list's first {@link #SHOWN} rows open, the others
     * folded), then every other test folded in a native {@code <details>}.
     */
    public record Overview(List<Fact> counts, List<OverviewRow> failed, List<OverviewRow> failedMore,
                           List<OverviewRow> seen, List<OverviewRow> seenMore, String restTitle,
                           List<OverviewRow> rest) {
        /** Rows of each list shown open, so the overview fits one screen whatever the suite's size. */
        public static final int SHOWN = 10;

        public boolean anyFailed() {
            return !failed.isEmpty();
        }

        public boolean anyFailedMore() {
            return !failedMore.isEmpty();
        }

        public boolean anySeen() {
            return !seen.isEmpty();
        }

        public boolean anySeenMore() {
            return !seenMore.isEmpty();
        }

        public boolean anyRest() {
            return !rest.isEmpty();
        }

        public String failedMoreCount() {
            return Format.count(failedMore.size());
        }

        public String seenMoreCount() {
            return Format.count(seenMore.size());
        }
    }

    /** One test in the overview; {@code href} links to its card, null when it has none. */
    public record OverviewRow(String test, String href, String kind, String verdict, String verdictClass,
                              String seen, String samples, String reason) {
    }

    /** A test past {@link org.racelab.harness.bundle.Limits#FULL_CARDS}: one line of a table. */
    public record BriefRow(String caseName, String variant, String test, String kind, String verdict,
                           String verdictClass, String race, String samples, String reason) {
    }

    public record BenchGroup(String title, String chart, String problem, List<BenchRow> rows) {
    }

    public record BenchRow(String question, String params, String subject, String baseline, String subjectScore,
                           String baselineScore, String ratio, String advantage, boolean headline) {
    }

    /** Builds the model; {@code charts} false leaves the SVGs out (Markdown has no use for them). */
    public static ReportModel of(ReadBundle read, boolean charts) {
        Bundle b = read.bundle();
        List<String> problems = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        boolean hasStress = b.stress() != null || b.vrace() != null;
        boolean hasBench = read.bench() != null;
        boolean hasSched = b.sched() != null;
        if (b.stress() == null) {
            absent.add("stress (JCStress)");
        }
        if (b.vrace() == null) {
            absent.add("vrace (virtual threads)");
        }
        if (!hasBench) {
            absent.add("bench (JMH)");
        }
        if (!hasSched) {
            absent.add("sched (scheduling)");
        }
        Machine m = b.machine();
        String host = m == null ? "unknown host" : Format.orDash(m.host());
        LessonCards.Lessons lessons = hasStress ? part(() -> LessonCards.lessons(b.stress(), b.vrace(), b.model(), charts),
                new LessonCards.Lessons(List.of(), List.of(), ""), "lesson cards", problems)
                : new LessonCards.Lessons(List.of(), List.of(), "");
        return new ReportModel(
                "racelab report: " + host + (b.startedAt() == null ? "" : ", " + b.startedAt()),
                read.file().toString(),
                part(() -> MachineFacts.of(m), List.of(), "machine", problems),
                part(() -> runFacts(b), List.of(), "run", problems),
                read.cleaned(), absent,
                hasStress, part(() -> b.stress() == null ? "" : StressSummary.totals((b.stress().tests())),
                        "", "stress totals", problems),
                b.stress() == null ? null : part(() -> overview(b.stress().tests(), lessons.cards()), null,
                        "overview", problems),
                lessons.cards(), lessons.more(), lessons.note(),
                hasBench, hasBench ? part(() -> BenchGroups.headline(read.bench()), "", "bench", problems) : "",
                hasBench ? part(() -> BenchGroups.of(read.bench(), charts), List.of(), "bench", problems) : List.of(),
                hasBench ? (read.bench().failures()).stream()
                        .map(f -> f.benchmark() + " " + Format.params(f.params(), ", ") + ": " + f.reason()).toList()
                        : List.of(),
                hasSched, hasSched ? part(() -> schedText(b.sched()), "", "sched", problems) : "",
                hasSched && charts ? part(() -> SchedTimelines.of(b.sched()), List.of(), "sched charts", problems)
                        : List.of(),
                problems, part(() -> Grades.of(b).orElse(null), null, "lab grade", problems));
    }

    static Overview overview(List<StressTestResult> tests, List<CaseCard> cards) {
        java.util.Set<String> carded = new java.util.HashSet<>();
        cards.forEach(c -> c.variants().forEach(v -> carded.add(v.test())));
        StressOverview o = StressOverview.of(tests);
        Map<String, Long> byVerdict = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            long n = tests.stream().filter(t -> t.verdict() == v).count();
            if (n > 0 || v == Verdict.PASSED || v == Verdict.FAILED || v == Verdict.ERROR) {
                byVerdict.put(v.name(), n);
            }
        }
        List<Fact> counts = new ArrayList<>();
        byVerdict.forEach((v, n) -> counts.add(new Fact(v, Format.count(n))));
        List<OverviewRow> failed = o.failed().stream().map(t -> row(t, carded, StressOverview.reason(t))).toList();
        List<OverviewRow> seen = o.seen().stream().map(t -> row(t, carded, null)).toList();
        List<OverviewRow> rest = o.rest().stream().map(t -> row(t, carded,
                t.verdict() == Verdict.PASSED ? null : t.reason())).toList();
        return new Overview(counts, head(failed), tail(failed), head(seen), tail(seen),
                String.format(Locale.ROOT, "%,d other tests: %s", rest.size(), o.restText()), rest);
    }

    private static List<OverviewRow> head(List<OverviewRow> rows) {
        return rows.subList(0, Math.min(rows.size(), Overview.SHOWN));
    }

    private static List<OverviewRow> tail(List<OverviewRow> rows) {
        return rows.subList(Math.min(rows.size(), Overview.SHOWN), rows.size());
    }

    private static OverviewRow row(StressTestResult t, java.util.Set<String> carded, String reason) {
        return new OverviewRow(t.name(), carded.contains(t.name()) ? "#" + anchor(t.caseName()) : null, t.kind(),
                t.verdict().name(), LessonCards.verdictClass(t.verdict()), StressOverview.seenText(t),
                Format.count(t.samples()), reason);
    }

    private static List<Fact> runFacts(Bundle b) {
        List<Fact> f = new ArrayList<>();
        f.add(new Fact("command", "racelab " + Format.orDash(b.command()) + ", profile " + Format.orDash(b.profile())));
        f.add(new Fact("racelab", Format.orDash(b.racelabVersion()) + " (bundle schema " + Format.orDash(b.schema()) + ")"));
        f.add(new Fact("started", Format.orDash(b.startedAt())));
        f.add(new Fact("finished", b.finishedAt() == null ? "not finished" : b.finishedAt()));
        f.add(new Fact("complete", b.complete() ? "yes"
                : "no: " + String.join("; ", (b.incomplete()))));
        return f;
    }

    /** The sched section's figures, the same lines the terminal shows. */
    private static String schedText(SchedSection s) {
        return String.join("\n", SchedSummary.lines(s)).strip();
    }

    /** One part of the page; a part that a malformed bundle breaks becomes a line in {@code problems}. */
    static <T> T part(Supplier<T> build, T fallback, String what, List<String> problems) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            problems.add(what + ": not shown, the bundle's data does not fit (" + e.getClass().getSimpleName() + ")");
            return fallback;
        }
    }

    static String anchor(String s) {
        return "case-" + s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
