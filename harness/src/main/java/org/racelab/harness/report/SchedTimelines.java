package org.racelab.harness.report;

import org.racelab.harness.chart.SchedCharts;
import org.racelab.harness.chart.SvgCharts;
import org.racelab.harness.bundle.SchedSection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sched section's charts for the page, drawn again from the bundle (by {@link SchedCharts},
 * the same drawing the run used) rather than read from chart files, so a bundle alone is enough.
 */
final class SchedTimelines {

    private SchedTimelines() {
    }

    static List<ReportModel.Chart> of(SchedSection s) {
        List<ReportModel.Chart> charts = new ArrayList<>();
        if (s.preemption() != null) {
            charts.add(draw("Preemption", () -> SchedCharts.preemption(s.preemption())));
        }
        if (s.carriers() != null) {
            charts.add(draw("Carriers", () -> SchedCharts.carriers(s.carriers())));
        }
        if (s.timeslice() != null) {
            charts.add(draw("Time slices", () -> SchedCharts.timeslice(s.timeslice())));
        }
        if (s.footprint() != null) {
            charts.add(draw("Footprint", () -> SchedCharts.footprint(s.footprint())));
        }
        return charts;
    }

    private static ReportModel.Chart draw(String title, Supplier<SchedCharts.Sized> chart) {
        try {
            SchedCharts.Sized sized = chart.get();
            // a hostile bundle could ask for a chart miles high
            return new ReportModel.Chart(title, SvgCharts.svg(sized.chart(), 1000, Math.min(sized.height(), 4000)), null);
        } catch (RuntimeException e) {
            return new ReportModel.Chart(title, null, "not drawn: the bundle's data does not fit ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
