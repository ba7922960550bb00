package org.racelab.harness.report;

import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.catalog.LessonInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One card per case of the catalog, as a page of the course: the sentence of the notes, the
 * claim, and per variant the outcome histogram, whether the race was seen, and how it fared on
 * platform threads and on virtual threads per carrier count.
 */
final class LessonCards {

    private LessonCards() {
    }

    static List<ReportModel.CaseCard> of(StressSection stress, VraceSection vrace, boolean charts) {
        Map<String, List<String>> caseTests = ReportModel.ordered();
        Map<String, StressTestResult> byName = ReportModel.ordered();
        Map<String, VraceSection.VraceTestResult> vraceByName = ReportModel.ordered();
        Map<String, LessonInfo> lessons = ReportModel.ordered();
        Map<String, String[]> names = ReportModel.ordered();
        for (StressTestResult t : ReportModel.tests(stress == null ? null : stress.tests())) {
            byName.putIfAbsent(key(t.name()), t);
            add(caseTests, t.caseName(), key(t.name()));
            lessons.putIfAbsent(ReportModel.nz(t.caseName()), t.lesson());
            names.putIfAbsent(key(t.name()), new String[]{t.variant(), t.kind()});
        }
        for (VraceSection.VraceTestResult t : ReportModel.vraceTests(vrace)) {
            vraceByName.putIfAbsent(key(t.name()), t);
            add(caseTests, t.caseName(), key(t.name()));
            if (lessons.get(ReportModel.nz(t.caseName())) == null) {
                lessons.put(ReportModel.nz(t.caseName()), t.lesson());
            }
            names.putIfAbsent(key(t.name()), new String[]{t.variant(), t.kind()});
        }
        List<ReportModel.CaseCard> cards = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : caseTests.entrySet()) {
            LessonInfo l = lessons.get(c.getKey());
            List<ReportModel.VariantCard> variants = new ArrayList<>();
            for (String test : c.getValue()) {
                variants.add(variant(test, names.get(test), byName.get(test), vraceByName.get(test), l, charts));
            }
            cards.add(new ReportModel.CaseCard(ReportModel.anchor(c.getKey()), c.getKey(),
                    l == null ? "" : ReportModel.nz(l.topic()), l == null ? "" : ReportModel.nz(l.notes()),
                    l == null ? "" : ReportModel.nz(l.claim()), variants));
        }
        return cards;
    }

    private static String key(String name) {
        return ReportModel.nz(name);
    }

    private static void add(Map<String, List<String>> cases, String caseName, String test) {
        List<String> tests = cases.computeIfAbsent(ReportModel.nz(caseName), k -> new ArrayList<>());
        if (!tests.contains(test)) {
            tests.add(test);
        }
    }

    private static ReportModel.VariantCard variant(String test, String[] name, StressTestResult t,
                                                   VraceSection.VraceTestResult v, LessonInfo lesson, boolean charts) {
        List<ReportModel.VraceCell> cells = v == null ? List.of()
                : ReportModel.nonNull(v.runs()).stream().map(LessonCards::cell).toList();
        if (t == null) {
            return new ReportModel.VariantCard(ReportModel.nz(name[0]), test, ReportModel.nz(name[1]), "not in the stress section",
                    "muted", null, "", "muted", "", null, List.of(), !cells.isEmpty(), cells, List.of());
        }
        List<OutcomeCount> outcomes = ReportModel.outcomes(t.outcomes());
        long total = outcomes.stream().mapToLong(OutcomeCount::count).sum();
        List<ReportModel.OutcomeRow> rows = outcomes.stream().map(o -> new ReportModel.OutcomeRow(
                ReportModel.nz(o.id()), ReportModel.count(o.count()), ReportModel.share(o.count(), total),
                ReportModel.nz(o.expect()), expectClass(o.expect()), ReportModel.nz(o.description()))).toList();
        List<String> failures = outcomes.stream().filter(o -> "FORBIDDEN".equals(o.expect()) && o.count() > 0)
                .map(o -> "FORBIDDEN outcome [" + o.id() + "] seen " + ReportModel.count(o.count()) + " times: "
                        + ReportModel.nz(o.description())).toList();
        String histogram = charts && total > 0 ? SvgCharts.outcomes(outcomes) : null;
        String verdict = ReportModel.nz(t.verdict());
        return new ReportModel.VariantCard(ReportModel.nz(t.variant()), test, ReportModel.nz(t.kind()), verdict,
                verdictClass(verdict), "PASSED".equals(verdict) ? null : t.reason(), race(t, lesson), raceClass(t),
                ReportModel.count(t.samples()), histogram, rows, !cells.isEmpty(), cells, failures);
    }

    static String race(StressTestResult t, LessonInfo lesson) {
        if ("SKIPPED".equals(t.verdict()) || "NOT_RUN".equals(t.verdict())) {
            return "not run here (" + t.verdict() + ")";
        }
        if (t.raceObserved() == null) {
            return "no-race".equals(t.kind()) ? "no race to show: the right answer every time" : "-";
        }
        long race = t.raceSamples() == null ? 0 : t.raceSamples();
        if (!t.raceObserved()) {
            return "race never seen in " + ReportModel.count(t.samples()) + " samples"
                    + (Boolean.TRUE.equals(t.raceExpected()) ? " (expected on this hardware: try a longer profile)" : "");
        }
        return "race seen: " + ReportModel.count(race) + " of " + ReportModel.count(t.samples()) + " samples ("
                + ReportModel.share(race, t.samples()) + ")";
    }

    private static String raceClass(StressTestResult t) {
        if (t.raceObserved() == null) {
            return "muted";
        }
        return t.raceObserved() ? "race" : "norace";
    }

    static String verdictClass(String verdict) {
        return switch (verdict) {
            case "PASSED" -> "pass";
            case "FAILED", "ERROR" -> "fail";
            default -> "muted";
        };
    }

    private static String expectClass(String expect) {
        if ("FORBIDDEN".equals(expect)) {
            return "forbidden";
        }
        return "ACCEPTABLE_INTERESTING".equals(expect) ? "interesting" : "acceptable";
    }

    private static ReportModel.VraceCell cell(VraceSection.VraceRun r) {
        String config = "virtual".equals(r.threads()) && r.carriers() != null
                ? "virtual threads, " + r.carriers() + (r.carriers() == 1 ? " carrier" : " carriers")
                : ReportModel.nz(r.threads()) + " threads";
        String verdict = ReportModel.nz(r.verdict());
        String race;
        if (!"PASSED".equals(verdict) && !"FAILED".equals(verdict)) {
            race = verdict + (r.reason() == null ? "" : ": " + r.reason());
        } else if (r.raceObserved() == null) {
            race = "-";
        } else if (!r.raceObserved()) {
            race = "never";
        } else {
            long n = r.raceSamples() == null ? 0 : r.raceSamples();
            race = "seen: " + ReportModel.count(n) + " (" + ReportModel.share(n, r.samples()) + ")";
        }
        return new ReportModel.VraceCell(config, verdict, race, ReportModel.count(r.samples()),
                Double.isFinite(r.samplesPerSecond()) ? VraceSummary.rate(r.samplesPerSecond()) : "-");
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
