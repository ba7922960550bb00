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
                score(r.subjectScore()), score(r.baselineScore()), withError(r.ratio(), r.ratioError()),
                withError(r.advantage(), r.advantageError()) + "x",
                r.headline());
    }

    static String score(BenchScore s) {
        if (s == null) {
            return "-";
        }
        return withError(s.score(), s.error()) + " " + s.unit();
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
