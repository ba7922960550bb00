package org.racelab.harness.report;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.chart.SvgCharts;
import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.console.StressOverview;
import org.racelab.harness.console.VraceSummary;
import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.bundle.Lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One card per case of the catalog, as a page of the course: the sentence of the notes, the
 * claim, and per variant the outcome histogram, whether the race was seen, and how it fared on
 * platform threads and on virtual threads per carrier count.
 *
 * <p>Every entry of the bundle gets its place: two tests of one name are two variants (the
 * second says it is the second), so a failing entry never hides behind a passing one of the same
 * name. A bundle of many tests is shown within bounds ({@link Limits}): the first
 * {@link Limits#FULL_CARDS} variants as cards, with at most {@link Limits#CHARTS} histograms and
 * {@link Limits#OUTCOME_ROWS} outcome rows each; every other test one line in a table.
 */
final class LessonCards {

    private LessonCards() {
    }

    /** The cards, the tests past the bound one line each, and a note that says so (empty when all are cards). */
    record Lessons(List<ReportModel.CaseCard> cards, List<ReportModel.BriefRow> more, String note) {
    }

    /** A test's entry: its name and which entry of that name it is (0 for the first). */
    private record Key(String name, int nth) {
    }

    static Lessons lessons(StressSection stress, VraceSection vrace, ModelSection model, boolean charts) {
        Map<String, ModelSection.ModelResult> models = new LinkedHashMap<>();
        if (model != null) {
            model.tests().forEach(m -> models.putIfAbsent(m.name(), m));
        }
        Map<String, List<Key>> caseTests = new LinkedHashMap<>();
        Map<Key, StressTestResult> byKey = new LinkedHashMap<>();
        Map<Key, VraceSection.VraceTestResult> vraceByKey = new LinkedHashMap<>();
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<Key, String[]> names = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (StressTestResult t : (stress == null ? List.<StressTestResult>of() : stress.tests())) {
            Key k = new Key(t.name(), seen.merge(t.name(), 1, Integer::sum) - 1);
            byKey.put(k, t);
            add(caseTests, t.caseName(), k);
            lessons.putIfAbsent(t.caseName(), t.lesson());
            names.putIfAbsent(k, new String[]{t.variant(), t.kind()});
        }
        seen.clear();
        for (VraceSection.VraceTestResult t : (vrace == null ? List.<VraceSection.VraceTestResult>of() : vrace.tests())) {
            Key k = new Key(t.name(), seen.merge(t.name(), 1, Integer::sum) - 1);
            vraceByKey.put(k, t);
            add(caseTests, t.caseName(), k);
            if (lessons.get(t.caseName()) == null) {
                lessons.put(t.caseName(), t.lesson());
            }
            names.putIfAbsent(k, new String[]{t.variant(), t.kind()});
        }
        Map<String, Integer> entries = new HashMap<>();
        names.keySet().forEach(k -> entries.merge(k.name(), 1, Integer::sum));
        List<ReportModel.CaseCard> cards = new ArrayList<>();
        List<ReportModel.BriefRow> more = new ArrayList<>();
        int[] budget = {Limits.FULL_CARDS, Limits.CHARTS};
        for (Map.Entry<String, List<Key>> c : caseTests.entrySet()) {
            Lesson l = lessons.get(c.getKey());
            List<ReportModel.VariantCard> variants = new ArrayList<>();
            for (Key test : c.getValue()) {
                String entry = entries.get(test.name()) > 1
                        ? " (entry " + (test.nth() + 1) + " of " + entries.get(test.name()) + " with this name)" : "";
                if (!teaches(byKey.get(test), vraceByKey.get(test), l)) {
                    continue; // a plain pass: one line in the overview's folded list, no card
                }
                if (budget[0] <= 0) {
                    more.add(brief(c.getKey(), test.name() + entry, entry, names.get(test), byKey.get(test), l));
                    continue;
                }
                budget[0]--;
                boolean chart = charts && budget[1] > 0;
                ReportModel.VariantCard v = variant(test.name() + entry, entry, names.get(test), byKey.get(test),
                        vraceByKey.get(test), l, models.get(test.name()), chart);
                if (v.histogram() != null) {
                    budget[1]--;
                }
                variants.add(v);
            }
            if (!variants.isEmpty()) {
                cards.add(new ReportModel.CaseCard(ReportModel.anchor(c.getKey()), c.getKey(),
                        l == null ? "" : l.topic(), l == null ? "" : l.notes(),
                        l == null ? "" : l.claim(), variants));
            }
        }
        int all = names.size();
        int carded = Limits.FULL_CARDS - budget[0];
        String note = more.isEmpty() ? "" : String.format(Locale.ROOT,
                "%,d tests teach something (a lesson, a failure, a race or an interesting outcome): the first %,d are shown"
                        + " as cards (%,d with a histogram), the other %,d one line each below.",
                carded + more.size(), carded, Limits.CHARTS - budget[1], more.size());
        return new Lessons(cards, more, note);
    }

    /**
     * Whether a test gets a card (and a chart): a lesson's case, a test that failed or errored,
     * or one where a race or an interesting outcome was seen. A plain pass of a suite gets none:
     * the overview lists it, folded.
     */
    static boolean teaches(StressTestResult t, VraceSection.VraceTestResult v, Lesson lesson) {
        if (lesson != null) {
            return true;
        }
        if (t != null && (t.verdict().failed() || Boolean.TRUE.equals(t.raceObserved()))) {
            return true;
        }
        return v != null && v.runs().stream().anyMatch(r -> r.verdict().failed() || Boolean.TRUE.equals(r.raceObserved()));
    }

    private static void add(Map<String, List<Key>> cases, String caseName, Key test) {
        List<Key> tests = cases.computeIfAbsent(caseName, k -> new ArrayList<>());
        if (!tests.contains(test)) {
            tests.add(test);
        }
    }

    /** A test past the bound: one line, with its verdict, race, samples, and why it failed. */
    private static ReportModel.BriefRow brief(String caseName, String test, String entry, String[] name,
                                              StressTestResult t, Lesson lesson) {
        if (t == null) {
            return new ReportModel.BriefRow(caseName, name[0] + entry, test, name[1], "not in the stress section", "muted",
                    "", "", null);
        }
        long forbidden = t.outcomes().stream().filter(o -> "FORBIDDEN".equals(o.expect()) && o.count() > 0).count();
        String reason = t.verdict() == Verdict.PASSED ? null : t.reason();
        if (forbidden > 0) {
            reason = forbidden + " FORBIDDEN outcome" + (forbidden == 1 ? "" : "s") + " seen"
                    + (reason == null ? "" : "; " + reason);
        }
        return new ReportModel.BriefRow(caseName, t.variant() + entry, test, t.kind(), t.verdict().name(),
                verdictClass(t.verdict()), race(t, lesson), Format.count(t.samples()), reason);
    }

    private static ReportModel.VariantCard variant(String test, String entry, String[] name, StressTestResult t,
                                                   VraceSection.VraceTestResult v, Lesson lesson,
                                                   ModelSection.ModelResult model, boolean charts) {
        List<ReportModel.VraceCell> cells = v == null ? List.of()
                : v.runs().stream().limit(Limits.VRACE_CELLS).map(r -> cell(r, v.meaning()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (v != null && v.runs().size() > Limits.VRACE_CELLS) {
            cells.add(new ReportModel.VraceCell(String.format(Locale.ROOT, "and %,d more runs (in bundle.json)",
                    v.runs().size() - Limits.VRACE_CELLS), "", "", "", ""));
        }
        if (t == null) {
            return new ReportModel.VariantCard(name[0] + entry, test, v.description(), name[1], "not in the stress section",
                    "muted", null, "", "muted", "", null, List.of(), !cells.isEmpty(), cells, List.of(), false, "",
                    List.of());
        }
        List<OutcomeCount> all = t.outcomes();
        long total = all.stream().mapToLong(OutcomeCount::count).sum();
        List<OutcomeCount> outcomes = shown(all);
        Map<String, ModelSection.ScOutcome> sc = new LinkedHashMap<>();
        if (model != null) {
            model.outcomes().forEach(o -> sc.putIfAbsent(o.id(), o));
        }
        List<ReportModel.OutcomeRow> rows = outcomes.stream().map(o -> new ReportModel.OutcomeRow(
                o.id(), Format.count(o.count()), Format.share(o.count(), total),
                o.expect(), expectClass(o.expect()), o.description(), Interleavings.word(model, sc.get(o.id()))))
                .collect(Collectors.toCollection(ArrayList::new));
        if (outcomes.size() < all.size()) {
            long rest = total - outcomes.stream().mapToLong(OutcomeCount::count).sum();
            rows.add(new ReportModel.OutcomeRow(String.format(Locale.ROOT, "%,d more", all.size() - outcomes.size()),
                    Format.count(rest), Format.share(rest, total), "", "acceptable",
                    "outcomes not shown here (a page shows " + Limits.OUTCOME_ROWS + " per test; all are in bundle.json)",
                    ""));
        }
        List<OutcomeCount> seenForbidden = all.stream().filter(o -> "FORBIDDEN".equals(o.expect()) && o.count() > 0).toList();
        List<String> failures = seenForbidden.stream().limit(Limits.OUTCOME_ROWS)
                .map(o -> "FORBIDDEN outcome [" + o.id() + "] seen " + Format.count(o.count()) + " times: "
                        + o.description()).collect(Collectors.toCollection(ArrayList::new));
        if (seenForbidden.size() > Limits.OUTCOME_ROWS) {
            failures.add(String.format(Locale.ROOT, "and %,d more FORBIDDEN outcomes seen (in bundle.json)",
                    seenForbidden.size() - Limits.OUTCOME_ROWS));
        }
        String histogram = charts && total > 0 ? SvgCharts.outcomes(outcomes) : null;
        Verdict verdict = t.verdict();
        return new ReportModel.VariantCard(t.variant() + entry, test, t.description(), t.kind(), verdict.name(),
                verdictClass(verdict), verdict == Verdict.PASSED ? null : t.reason(), race(t, lesson), raceClass(t),
                Format.count(t.samples()), histogram, rows, !cells.isEmpty(), cells, failures,
                model != null && model.model(), Interleavings.summary(model), Interleavings.witnesses(model));
    }

    /**
     * The outcomes a page shows: all of them up to {@link Limits#OUTCOME_ROWS}; past it, the
     * FORBIDDEN ones seen first, then the most frequent, in the bundle's order.
     */
    static List<OutcomeCount> shown(List<OutcomeCount> all) {
        if (all.size() <= Limits.OUTCOME_ROWS) {
            return all;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Boolean>comparing(i -> !("FORBIDDEN".equals(all.get(i).expect())
                && all.get(i).count() > 0)).thenComparing(i -> -all.get(i).count()));
        return order.subList(0, Limits.OUTCOME_ROWS).stream().sorted().map(all::get).toList();
    }

    static String race(StressTestResult t, Lesson lesson) {
        if (t.verdict().notRun()) {
            return "not run here (" + t.verdict() + ")";
        }
        if (t.raceObserved() == null) {
            if ("no-race".equals(t.kind())) {
                return "no race to show: the right answer every time";
            }
            return t.lesson() == null ? "no outcome graded ACCEPTABLE_INTERESTING (JCStress's meaning; no racelab lesson)" : "-";
        }
        String seen = StressOverview.seenSentence(t.meaning(), t.outcomes(), t.samples(), false);
        if (seen == null) {
            long race = t.raceSamples() == null ? 0 : t.raceSamples();
            seen = t.raceObserved() ? "race seen: " + Format.count(race) + " of " + Format.count(t.samples())
                    + " samples (" + Format.share(race, t.samples()) + ")"
                    : "race never seen in " + Format.count(t.samples()) + " samples";
        }
        return seen + (!t.raceObserved() && Boolean.TRUE.equals(t.raceExpected())
                ? " (expected on this hardware: try a longer profile)" : "");
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

    private static ReportModel.VraceCell cell(VraceSection.VraceRun r, String meaning) {
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
            race = Meaning.word(meaning) + " never";
        } else {
            long n = r.raceSamples() == null ? 0 : r.raceSamples();
            race = Meaning.word(meaning) + " seen: " + Format.count(n) + " (" + Format.share(n, r.samples()) + ")"
                    + (Meaning.INTERESTING.equals(meaning) ? " [" + StressOverview.ids(r.outcomes()) + "]" : "");
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
