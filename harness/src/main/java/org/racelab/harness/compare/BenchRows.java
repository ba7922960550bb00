package org.racelab.harness.compare;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.BenchScore;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.report.BenchGroups;
import org.racelab.harness.bundle.BenchSection;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks per machine: for each comparison (subject vs baseline at its parameters) the
 * ratio with its uncertainty and both scores. Flagged where the ratio's intervals do not overlap.
 */
final class BenchRows {

    private BenchRows() {
    }

    static List<Comparison.FigureRow> of(List<ReadBundle> reads) {
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, BenchRatio[]> rows = ratios(reads, groups);
        List<Comparison.FigureRow> out = new ArrayList<>();
        for (Map.Entry<String, BenchRatio[]> e : rows.entrySet()) {
            List<String> values = new ArrayList<>();
            List<double[]> intervals = new ArrayList<>();
            for (BenchRatio r : e.getValue()) {
                if (r == null) {
                    values.add("-");
                    continue;
                }
                values.add("ratio " + BenchGroups.ratio(r) + " ("
                        + score(r.subjectScore()) + " vs " + score(r.baselineScore()) + ")");
                intervals.add(interval(r));
            }
            out.add(new Comparison.FigureRow(groups.get(e.getKey()), e.getKey(), values, disjoint(intervals)));
        }
        return out;
    }

    /**
     * Each comparison's ratio per machine (null where a machine has none), keyed by its label;
     * {@code questions} gets each label's question.
     */
    static Map<String, BenchRatio[]> ratios(List<ReadBundle> reads, Map<String, String> questions) {
        Map<String, BenchRatio[]> rows = new LinkedHashMap<>();
        int n = reads.size();
        for (int i = 0; i < n; i++) {
            BenchSection b = reads.get(i).bench();
            if (b == null) {
                continue;
            }
            // as many as a page shows (a full suite has 29)
            for (BenchRatio r : b.ratios().subList(0, Math.min(b.ratios().size(), Limits.BENCH_ROWS))) {
                String key = r.subject() + " vs " + Format.method(r.baseline()).orElse("-")
                        + (Format.params(r.params(), ", ").isEmpty() ? "" : " [" + Format.params(r.params(), ", ") + "]");
                if (!rows.containsKey(key) && rows.size() >= Limits.BENCH_ROWS) {
                    continue;
                }
                rows.computeIfAbsent(key, k -> new BenchRatio[n])[i] = r;
                questions.putIfAbsent(key, r.question());
            }
        }
        return rows;
    }

    /**
     * What a machine's figure allows: the ratio's error interval, or, when either score is
     * bimodal, the whole range its forks give; two machines (or two runs) differ only when these
     * do not overlap.
     */
    static double[] interval(BenchRatio r) {
        if (r.bimodal()) {
            return new double[]{Math.min(r.low(), r.high()), Math.max(r.low(), r.high())};
        }
        double err = r.ratioError() == null ? 0 : r.ratioError();
        return new double[]{r.ratio() - err, r.ratio() + err};
    }

    /** A score, or the range of its forks when it has several: "4.10-4.54 us/op (3 forks)", "... bimodal". */
    private static String score(BenchScore s) {
        if (s == null) {
            return "-";
        }
        if (s.forks() != null && s.forks().size() > 1) {
            return BenchGroups.num(s.lowestFork()) + "-" + BenchGroups.num(s.highestFork()) + " " + s.unit() + " ("
                    + s.forks().size() + " forks" + (s.forksDisagree() ? ", bimodal" : "") + ")";
        }
        return BenchGroups.num(s.score()) + " " + s.unit();
    }

    /** Whether some two intervals do not overlap: whether the highest low end is above the lowest high end. */
    static boolean disjoint(List<double[]> intervals) {
        double highestLow = Double.NEGATIVE_INFINITY;
        double lowestHigh = Double.POSITIVE_INFINITY;
        for (double[] a : intervals) {
            highestLow = Math.max(highestLow, a[0]);
            lowestHigh = Math.min(lowestHigh, a[1]);
        }
        return highestLow > lowestHigh;
    }
}
