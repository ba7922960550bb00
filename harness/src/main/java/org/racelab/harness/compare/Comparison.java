package org.racelab.harness.compare;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Bundles from several machines side by side: per test and configuration each machine's race
 * rate and its word (Never / Sometimes / Always), flagged where the machines disagree, with a
 * test of whether the difference is more than chance; the benchmarks' ratios per machine; the
 * scheduling figures per machine; and what differs between the machines themselves.
 */
public record Comparison(List<MachineColumn> machines, List<String> machineDifferences, List<RaceRow> races,
                         String racesNote, List<FigureRow> bench, List<FigureRow> sched, List<String> cleaned) {

    /**
     * @param flag   empty when the machines agree, else what differs ("differs", "rate differs",
     *               "not comparable")
     * @param why    the test that judged it, or why the machines cannot be compared
     */
    public record RaceRow(String caseName, String variant, String kind, String config, List<RaceCell> cells,
                          String flag, String why, boolean meaningful, String sc) {

        /** The same row with the SC model's word on its race outcomes. */
        RaceRow withSc(String word) {
            return new RaceRow(caseName, variant, kind, config, cells, flag, why, meaningful, word);
        }
        public boolean flagged() {
            return !flag.isEmpty();
        }
    }

    /** A figure per machine ("-" where a machine has none). */
    public record FigureRow(String group, String label, List<String> values, boolean differs) {
    }

    public static Comparison of(List<ReadBundle> reads) {
        List<MachineColumn> columns = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            columns.add(MachineColumn.of(i, reads.get(i)));
        }
        List<MachineColumn> machines = MachineColumn.toldApart(columns);
        List<String> cleaned = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            String id = machines.get(i).id();
            reads.get(i).cleaned().forEach(c -> cleaned.add(id + ": " + c));
        }
        long[] left = new long[1];
        List<RaceRow> races = races(reads, left);
        String note = left[0] == 0 ? "" : String.format(Locale.ROOT,
                "%,d more test and configuration rows are not compared: a comparison holds %,d rows", left[0],
                Limits.COMPARE_ROWS);
        return new Comparison(machines, MachineDifferences.of(reads), races, note, BenchRows.of(reads),
                SchedRows.of(reads), cleaned);
    }

    public List<RaceRow> flaggedRaces() {
        return races.stream().filter(RaceRow::flagged).toList();
    }

    /**
     * A row: a test's entry ({@code nth}: which entry of that name in its bundle, 0 for the
     * first) in a configuration ({@code repeat}: which run of that entry in that configuration).
     */
    private record Key(String test, int nth, String config, int repeat) {
        Key(String test, int nth, String config) {
            this(test, nth, config, 0);
        }
    }

    private record Meta(String caseName, String variant, String kind) {
    }

    /**
     * One row per test entry and configuration, in the bundles' order, at most
     * {@link Limits#COMPARE_ROWS}; {@code left[0]} counts the rows past it. Two entries of one
     * name in a bundle are two rows (the second says so), so neither hides the other.
     */
    static List<RaceRow> races(List<ReadBundle> reads, long[] left) {
        Map<Key, RaceCell[]> cells = new LinkedHashMap<>();
        Map<Key, Meta> meta = new LinkedHashMap<>();
        int n = reads.size();
        for (int i = 0; i < n; i++) {
            Bundle b = reads.get(i).bundle();
            if (b.stress() != null) {
                Map<String, Integer> seen = new HashMap<>();
                for (StressTestResult t : (b.stress().tests())) {
                    int nth = seen.merge(t.name(), 1, Integer::sum) - 1;
                    put(cells, meta, new Key(t.name(), nth, "JCStress, platform threads"), t.caseName(),
                            t.variant(), t.kind(), i, n, stressCell(t), left);
                    for (OutcomeCount o : interesting(t.meaning(), t.outcomes())) {
                        put(cells, meta, new Key(t.name(), nth, "JCStress, platform threads: interesting [" + o.id() + "]"),
                                t.caseName(), t.variant(), t.kind(), i, n, outcomeCell(stressCell(t), o), left);
                    }
                }
            }
            if (b.vrace() != null) {
                Map<String, Integer> seen = new HashMap<>();
                for (VraceSection.VraceTestResult t : (b.vrace().tests())) {
                    int nth = seen.merge(t.name(), 1, Integer::sum) - 1;
                    for (VraceSection.VraceRun r : (t.runs())) {
                        String config = "virtual".equals(r.threads())
                                ? "vrace, virtual, " + r.carriers() + (Objects.equals(r.carriers(), 1) ? " carrier" : " carriers")
                                : "vrace, " + r.threads() + " threads";
                        put(cells, meta, new Key(t.name(), nth, config), t.caseName(), t.variant(), t.kind(), i, n,
                                vraceCell(r), left);
                        for (OutcomeCount o : interesting(t.meaning(), r.outcomes())) {
                            put(cells, meta, new Key(t.name(), nth, config + ": interesting [" + o.id() + "]"),
                                    t.caseName(), t.variant(), t.kind(), i, n, outcomeCell(vraceCell(r), o), left);
                        }
                    }
                }
            }
        }
        List<RaceRow> rows = new ArrayList<>();
        Map<String, String> sc = ScWords.index(reads);
        for (Map.Entry<Key, RaceCell[]> e : cells.entrySet()) {
            List<RaceCell> row = new ArrayList<>();
            for (RaceCell c : e.getValue()) {
                row.add(c == null ? new RaceCell(RaceCell.ABSENT, 0, 0, false,
                        "its bundle has no such run (e.g. fewer carriers, or the section did not run)") : c);
            }
            Meta m = meta.get(e.getKey());
            rows.add(judge(m.caseName(), m.variant(), m.kind(),
                    e.getKey().config(), row, reads.size()).withSc(sc.getOrDefault(e.getKey().test(), "")));
        }
        return rows;
    }

    private static void put(Map<Key, RaceCell[]> cells, Map<Key, Meta> meta, Key k, String caseName, String variant,
                            String kind, int machine, int machines, RaceCell cell, long[] left) {
        RaceCell[] row = cells.get(k);
        if (row == null) {
            if (cells.size() >= Limits.COMPARE_ROWS) {
                left[0]++;
                return;
            }
            row = new RaceCell[machines];
            cells.put(k, row);
            meta.put(k, new Meta(caseName, variant + (k.nth() == 0 ? "" : " (entry " + (k.nth() + 1) + " of this name)")
                    + (k.repeat() == 0 ? "" : " (run " + (k.repeat() + 1) + " in this configuration)"), kind));
        }
        if (row[machine] != null) {
            // one entry with two runs in one configuration (a made-up bundle): each gets a row
            put(cells, meta, new Key(k.test(), k.nth(), k.config(), k.repeat() + 1), caseName, variant, kind, machine,
                    machines, cell, left);
            return;
        }
        row[machine] = cell;
    }

    /**
     * A test without a lesson (JCStress's meaning) gets a row per interesting outcome too, so
     * each one has its own Never / Sometimes / Always; a lesson's race stays one row.
     */
    static List<OutcomeCount> interesting(String meaning, List<OutcomeCount> outcomes) {
        return Meaning.INTERESTING.equals(meaning) ? Meaning.marked(outcomes) : List.of();
    }

    /** The cell of one interesting outcome: the test's cell, counting that outcome's samples only. */
    static RaceCell outcomeCell(RaceCell test, OutcomeCount o) {
        return RaceCell.RAN.equals(test.state())
                ? new RaceCell(RaceCell.RAN, Math.min(o.count(), test.total()), test.total(), true, test.reason())
                : test;
    }

    static RaceCell stressCell(StressTestResult t) {
        Verdict v = t.verdict();
        if (v.notRun() || v == Verdict.ERROR || v == Verdict.UNKNOWN) {
            return new RaceCell(v.name(), 0, 0, t.raceObserved() != null, t.reason());
        }
        long race = t.raceSamples() == null ? 0 : t.raceSamples();
        return new RaceCell(RaceCell.RAN, Math.min(race, t.samples()), t.samples(), t.raceObserved() != null, t.reason());
    }

    static RaceCell vraceCell(VraceSection.VraceRun r) {
        Verdict v = r.verdict();
        if (!v.ran()) {
            return new RaceCell(v.name(), 0, 0, r.raceObserved() != null, r.reason());
        }
        long race = r.raceSamples() == null ? 0 : r.raceSamples();
        return new RaceCell(RaceCell.RAN, Math.min(race, r.samples()), r.samples(), r.raceObserved() != null, r.reason());
    }

    /** Flags a row: words that differ, rates that differ beyond chance, or a machine where it did not run. */
    static RaceRow judge(String caseName, String variant, String kind, String config, List<RaceCell> cells, int machines) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            ids.add("M" + (i + 1));
        }
        return judge(caseName, variant, kind, config, cells, machines, ids);
    }

    /** As {@link #judge(String, String, String, String, List, int)}, with the columns named (machines, or groups). */
    static RaceRow judge(String caseName, String variant, String kind, String config, List<RaceCell> cells, int machines,
                         List<String> names) {
        List<long[]> rated = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (RaceCell c : cells) {
            if (c.rated()) {
                rated.add(new long[]{c.observed(), c.total()});
                words.add(c.word());
            }
        }
        List<String> notRun = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            RaceCell c = cells.get(i);
            if (!RaceCell.RAN.equals(c.state())) {
                notRun.add(names.get(i) + (RaceCell.ABSENT.equals(c.state()) ? "" : " " + c.state())
                        + (c.reason() == null ? "" : ": " + c.reason()));
            }
        }
        boolean ranSomewhere = cells.stream().anyMatch(c -> RaceCell.RAN.equals(c.state()));
        RateTest.Result test = rated.size() >= 2 ? RateTest.of(rated) : null;
        boolean wordsDiffer = words.stream().distinct().count() > 1;
        String flag;
        String why;
        if (wordsDiffer) {
            flag = "differs";
            why = test.text() + (test.meaningful() ? ": more than chance" : ": could be chance at these sample counts");
        } else if (test != null && test.meaningful()) {
            flag = "rate differs";
            why = test.text() + ": the same word, but the rates differ by more than chance";
        } else if (ranSomewhere && !notRun.isEmpty() && machines > 1) {
            flag = "not comparable";
            why = "did not run on " + String.join("; ", notRun);
        } else {
            flag = "";
            why = test == null ? "" : test.text();
        }
        if (wordsDiffer && !notRun.isEmpty()) {
            why += "; did not run on " + String.join("; ", notRun);
        }
        return new RaceRow(caseName, variant, kind, config, List.copyOf(cells), flag, why,
                test != null && test.meaningful(), "");
    }

    static String joined(List<String> parts) {
        return parts.stream().collect(Collectors.joining("; "));
    }
}
