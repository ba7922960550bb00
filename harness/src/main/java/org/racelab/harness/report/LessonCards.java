package org.racelab.harness.report;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.chart.SvgCharts;
import org.racelab.harness.console.VraceSummary;
import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.bundle.Lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    static List<ReportModel.CaseCard> of(StressSection stress, VraceSection vrace, ModelSection model, boolean charts) {
        Map<String, ModelSection.ModelResult> models = new LinkedHashMap<>();
        if (model != null) {
            model.tests().forEach(m -> models.putIfAbsent(m.name(), m));
        }
        Map<String, List<String>> caseTests = new LinkedHashMap<>();
        Map<String, StressTestResult> byName = new LinkedHashMap<>();
        Map<String, VraceSection.VraceTestResult> vraceByName = new LinkedHashMap<>();
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (StressTestResult t : (stress == null ? List.<StressTestResult>of() : stress.tests())) {
            byName.putIfAbsent(key(t.name()), t);
            add(caseTests, t.caseName(), key(t.name()));
            lessons.putIfAbsent(t.caseName(), t.lesson());
            names.putIfAbsent(key(t.name()), new String[]{t.variant(), t.kind()});
        }
        for (VraceSection.VraceTestResult t : (vrace == null ? List.<VraceSection.VraceTestResult>of() : vrace.tests())) {
            vraceByName.putIfAbsent(key(t.name()), t);
            add(caseTests, t.caseName(), key(t.name()));
            if (lessons.get(t.caseName()) == null) {
                lessons.put(t.caseName(), t.lesson());
            }
            names.putIfAbsent(key(t.name()), new String[]{t.variant(), t.kind()});
        }
        List<ReportModel.CaseCard> cards = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : caseTests.entrySet()) {
            Lesson l = lessons.get(c.getKey());
            List<ReportModel.VariantCard> variants = new ArrayList<>();
            for (String test : c.getValue()) {
                variants.add(variant(test, names.get(test), byName.get(test), vraceByName.get(test), l, models.get(test),
                        charts));
            }
            cards.add(new ReportModel.CaseCard(ReportModel.anchor(c.getKey()), c.getKey(),
                    l == null ? "" : l.topic(), l == null ? "" : l.notes(),
                    l == null ? "" : l.claim(), variants));
        }
        return cards;
    }

    private static String key(String name) {
        return name;
    }

    private static void add(Map<String, List<String>> cases, String caseName, String test) {
        List<String> tests = cases.computeIfAbsent(caseName, k -> new ArrayList<>());
        if (!tests.contains(test)) {
            tests.add(test);
        }
    }

    private static ReportModel.VariantCard variant(String test, String[] name, StressTestResult t,
                                                   VraceSection.VraceTestResult v, Lesson lesson,
                                                   ModelSection.ModelResult model, boolean charts) {
        List<ReportModel.VraceCell> cells = v == null ? List.of()
                : (v.runs()).stream().map(LessonCards::cell).toList();
        if (t == null) {
            return new ReportModel.VariantCard(name[0], test, name[1], "not in the stress section",
                    "muted", null, "", "muted", "", null, List.of(), !cells.isEmpty(), cells, List.of(), false, "", List.of());
        }
        List<OutcomeCount> outcomes = (t.outcomes());
        long total = outcomes.stream().mapToLong(OutcomeCount::count).sum();
        Map<String, ModelSection.ScOutcome> sc = new LinkedHashMap<>();
        if (model != null) {
            model.outcomes().forEach(o -> sc.putIfAbsent(o.id(), o));
        }
        List<ReportModel.OutcomeRow> rows = outcomes.stream().map(o -> new ReportModel.OutcomeRow(
                o.id(), Format.count(o.count()), Format.share(o.count(), total),
                o.expect(), expectClass(o.expect()), o.description(), Interleavings.word(model, sc.get(o.id()))))
                .toList();
        List<String> failures = outcomes.stream().filter(o -> "FORBIDDEN".equals(o.expect()) && o.count() > 0)
                .map(o -> "FORBIDDEN outcome [" + o.id() + "] seen " + Format.count(o.count()) + " times: "
                        + o.description()).toList();
        String histogram = charts && total > 0 ? SvgCharts.outcomes(outcomes) : null;
        Verdict verdict = t.verdict();
        return new ReportModel.VariantCard(t.variant(), test, t.kind(), verdict.name(),
                verdictClass(verdict), verdict == Verdict.PASSED ? null : t.reason(), race(t, lesson), raceClass(t),
                Format.count(t.samples()), histogram, rows, !cells.isEmpty(), cells, failures,
                model != null && model.model(), Interleavings.summary(model), Interleavings.witnesses(model));
    }

    static String race(StressTestResult t, Lesson lesson) {
        if (t.verdict().notRun()) {
            return "not run here (" + t.verdict() + ")";
        }
        if (t.raceObserved() == null) {
            return "no-race".equals(t.kind()) ? "no race to show: the right answer every time" : "-";
        }
        long race = t.raceSamples() == null ? 0 : t.raceSamples();
        if (!t.raceObserved()) {
            return "race never seen in " + Format.count(t.samples()) + " samples"
                    + (Boolean.TRUE.equals(t.raceExpected()) ? " (expected on this hardware: try a longer profile)" : "");
        }
        return "race seen: " + Format.count(race) + " of " + Format.count(t.samples()) + " samples ("
                + Format.share(race, t.samples()) + ")";
    }

    private static String raceClass(StressTestResult t) {
        if (t.raceObserved() == null) {
            return "muted";
        }
        return t.raceObserved() ? "race" : "norace";
    }

    static String verdictClass(Verdict verdict) {
        return verdict == Verdict.PASSED ? "pass" : verdict.failed() ? "fail" : "muted";
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
                : r.threads() + " threads";
        String verdict = r.verdict().name();
        String race;
        if (!r.verdict().ran()) {
            race = verdict + (r.reason() == null ? "" : ": " + r.reason());
        } else if (r.raceObserved() == null) {
            race = "-";
        } else if (!r.raceObserved()) {
            race = "never";
        } else {
            long n = r.raceSamples() == null ? 0 : r.raceSamples();
            race = "seen: " + Format.count(n) + " (" + Format.share(n, r.samples()) + ")";
        }
        return new ReportModel.VraceCell(config, verdict, race, Format.count(r.samples()),
                Double.isFinite(r.samplesPerSecond()) ? VraceSummary.rate(r.samplesPerSecond()) : "-");
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
