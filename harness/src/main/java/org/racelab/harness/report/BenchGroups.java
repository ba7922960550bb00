package org.racelab.harness.report;

import org.racelab.harness.chart.SvgCharts;
import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.BenchSection;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.BenchScore;
import org.racelab.harness.bundle.BenchRatio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench section for the page: one chart per benchmark class of subject against baseline
 * (usually virtual against platform threads) with JMH's error bars, and a table of the ratios.
 */
public final class BenchGroups {

    private BenchGroups() {
    }

    static String headline(BenchSection b) {
        return String.format(Locale.ROOT, "%s, %s CPUs, JDK %s, %d results, %d comparisons%s",
                Format.orDash(b.tool()), b.cpus() < 1 ? "?" : Integer.toString(b.cpus()), Format.orDash(b.jdkVersion()),
                (b.results()).size(), (b.ratios()).size(),
                !b.complete() ? " (INCOMPLETE: " + Format.orDash(b.incomplete()) + ")" : "");
    }

    static List<ReportModel.BenchGroup> of(BenchSection b, boolean charts) {
        Map<String, List<BenchRatio>> byClass = new java.util.LinkedHashMap<>();
        for (BenchRatio r : b.ratios().subList(0, Math.min(b.ratios().size(), Limits.BENCH_ROWS))) {
            String subject = r.subject();
            int dot = subject.indexOf('.');
            byClass.computeIfAbsent(dot < 0 ? subject : subject.substring(0, dot), k -> new ArrayList<>()).add(r);
        }
        List<ReportModel.BenchGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<BenchRatio>> e : byClass.entrySet()) {
            String chart = null;
            String problem = null;
            if (charts && groups.size() < Limits.CHART_LANES) {
                try {
                    chart = SvgCharts.scores(e.getKey(), e.getValue().subList(0, Math.min(e.getValue().size(),
                            Limits.CHART_LANES)));
                } catch (RuntimeException x) {
                    problem = "chart not drawn (" + x.getClass().getSimpleName() + ")";
                }
            }
            groups.add(new ReportModel.BenchGroup(e.getKey(), chart, problem, e.getValue().stream().map(BenchGroups::row).toList()));
        }
        if (b.ratios().size() > Limits.BENCH_ROWS) {
            groups.add(new ReportModel.BenchGroup("more", null, String.format(Locale.ROOT,
                    "%,d more comparisons are in bundle.json; a page shows %,d", b.ratios().size() - Limits.BENCH_ROWS,
                    Limits.BENCH_ROWS), List.of()));
        }
        return groups;
    }

    private static ReportModel.BenchRow row(BenchRatio r) {
        return new ReportModel.BenchRow(r.question(), Format.params(r.params(), ", "),
                Format.method(r.subject()).orElse("-"), Format.method(r.baseline()).orElse("-"),
                score(r.subjectScore()), score(r.baselineScore()), ratio(r), advantage(r), r.headline());
    }

    /**
     * A score with its error; a score measured in several forks also lists each fork's, and a
     * bimodal one (two forks disagree beyond their own errors) is the range of its forks.
     */
    static String score(BenchScore s) {
        if (s == null) {
            return "-";
        }
        String forks = forks(s);
        if (s.forksDisagree()) {
            return "bimodal: " + num(s.lowestFork()) + " to " + num(s.highestFork()) + " " + s.unit() + " (" + forks + ")";
        }
        return withError(s.score(), s.error()) + " " + s.unit() + (forks.isEmpty() ? "" : " (" + forks + ")");
    }

    /** "forks 0.612, 2.22, 2.38", or "" for a score from one fork or from an older bundle. */
    public static String forks(BenchScore s) {
        if (s.forks() == null || s.forks().size() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder("forks ");
        for (int i = 0; i < s.forks().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(num(s.forks().get(i).score()));
        }
        return b.toString();
    }

    /** The ratio with its error, or its range over the forks when it is bimodal. */
    public static String ratio(BenchRatio r) {
        return r.bimodal() ? num(r.low()) + " to " + num(r.high()) + " (bimodal)" : withError(r.ratio(), r.ratioError());
    }

    static String advantage(BenchRatio r) {
        double[] range = r.advantageRange();
        return range != null ? num(range[0]) + "x to " + num(range[1]) + "x (bimodal)"
                : withError(r.advantage(), r.advantageError()) + "x";
    }

    public static String withError(double v, Double error) {
        return error == null ? num(v) : num(v) + " ± " + num(error);
    }

    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 1 ? "%.2f" : "%.3g", v);
    }
}
