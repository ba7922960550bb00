package org.racelab.harness.compare;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.SchedCarriers;
import org.racelab.harness.bundle.SchedFootprint;
import org.racelab.harness.bundle.SchedPreemption;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.report.BenchGroups;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The scheduling figures per machine, one row per figure. */
final class SchedRows {

    private SchedRows() {
    }

    static List<Comparison.FigureRow> of(List<ReadBundle> reads) {
        // figure label -> value per machine, in the order first seen
        Map<String, String[]> rows = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        int n = reads.size();
        for (int i = 0; i < n; i++) {
            SchedSection s = reads.get(i).bundle().sched();
            if (s == null) {
                continue;
            }
            final int m = i;
            Function<String[], Void> put = kv -> {
                if (!rows.containsKey(kv[1]) && rows.size() >= Limits.BENCH_ROWS) {
                    // a made-up section with thousands of runs: the page keeps to its bound
                    return null;
                }
                rows.computeIfAbsent(kv[1], k -> new String[n])[m] = kv[2];
                groups.putIfAbsent(kv[1], kv[0]);
                return null;
            };
            try {
                figures(s, put);
            } catch (RuntimeException e) {
                put.apply(new String[]{"sched", "(figures)", "not readable (" + e.getClass().getSimpleName() + ")"});
            }
        }
        List<Comparison.FigureRow> out = new ArrayList<>();
        for (Map.Entry<String, String[]> e : rows.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String v : e.getValue()) {
                values.add(v == null ? "-" : v);
            }
            // measured figures always differ a little: no flag, the reader judges
            out.add(new Comparison.FigureRow(groups.get(e.getKey()), e.getKey(), values, false));
        }
        return out;
    }

    private static void figures(SchedSection s, Function<String[], Void> put) {
        if (s.timeslice() != null) {
            var t = s.timeslice();
            put.apply(new String[]{"timeslice", "timeslice: median uninterrupted run (p10-p90)",
                    ms(t.medianMillis()) + " (" + ms(t.p10Millis()) + "-" + ms(t.p90Millis()) + ")"});
            put.apply(new String[]{"timeslice", "timeslice: switches per second",
                    String.format(Locale.ROOT, "%.0f", t.switchesPerSecond())});
            put.apply(new String[]{"timeslice", "timeslice: busy threads on CPUs", t.threads() + " on " + t.cpus()});
        }
        if (s.carriers() != null) {
            SchedCarriers c = s.carriers();
            for (SchedCarriers.CarrierRun r : (c.runs())) {
                put.apply(new String[]{"carriers", "carriers: " + r.carriers() + " carrier(s), threads that moved",
                        r.movedThreads() + " of " + c.virtualThreads() + ", on "
                                + (r.carrierNames()).size() + " carrier(s), " + ms(r.elapsedMillis())});
            }
        }
        if (s.preemption() != null) {
            SchedPreemption p = s.preemption();
            for (SchedPreemption.PreemptionRun r : (p.runs())) {
                String who = "platform".equals(r.kind()) ? "platform threads" : "virtual, " + r.carriers() + " carrier(s)";
                put.apply(new String[]{"preemption", "preemption: " + who + ", most in flight at once",
                        r.maxInFlight() + " of " + p.threads() + ", " + ms(r.elapsedMillis())});
            }
        }
        if (s.footprint() != null) {
            SchedFootprint f = s.footprint();
            for (SchedFootprint.FootprintRun r : (f.runs())) {
                put.apply(new String[]{"footprint", "footprint: " + r.kind() + " thread, per thread",
                        (r.rssBytesPerThread() == null ? "-" : Format.kib(r.rssBytesPerThread())) + " RSS, "
                                + Format.kib(r.heapBytesPerThread()) + " heap; " + Format.count(r.reached())
                                + " started in " + ms(r.startAllMillis())});
            }
        }
    }

    private static String ms(double v) {
        return BenchGroups.num(v) + " ms";
    }
}
