package org.racelab.harness.cli;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.report.SchedCharts;
import org.racelab.harness.report.SchedSummary;
import org.racelab.harness.sched.Experiment;
import org.racelab.harness.sched.SchedRequest;
import org.racelab.harness.sched.SchedRunner;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The sched section: the scheduling experiments, then their timelines drawn for the report. */
final class SchedSectionRun implements Section {

    private final List<Experiment> experiments;
    private final Integer carriers;
    private final Integer footprintThreads;
    private final SchedRunner runner = new SchedRunner();

    /**
     * @param carriers         only this many carriers, or null for 1, 2, 4, ... every CPU
     * @param footprintThreads N of the footprint experiment, or null for the profile's
     */
    SchedSectionRun(List<Experiment> experiments, Integer carriers, Integer footprintThreads) {
        this.experiments = List.copyOf(experiments);
        this.carriers = carriers;
        this.footprintThreads = footprintThreads;
    }

    /** All four experiments at the profile's sizes, as {@code racelab run} has them. */
    static SchedSectionRun all() {
        return new SchedSectionRun(List.of(Experiment.values()), null, null);
    }

    @Override
    public String name() {
        return "sched";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        SchedSection measured = runner.run(
                new SchedRequest(experiments, profile.sched(), carriers, footprintThreads, rawDir), progress);
        SchedCharts.Drawn charts = SchedCharts.draw(measured, rawDir.toAbsolutePath().getParent());
        return bundle.withSched(measured.withCharts(charts.files(), charts.problems()));
    }

    @Override
    public void stop(String reason) {
        runner.stop(reason);
    }

    @Override
    public List<String> problems(Bundle bundle) {
        SchedSection s = bundle.sched();
        return s == null || s.complete() ? List.of() : List.of("sched: " + String.join("; ", s.incomplete()));
    }

    @Override
    public boolean failed(Bundle bundle) {
        // The experiments measure; none of their outcomes is a correctness failure.
        return false;
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        if (bundle.sched() != null) {
            new SchedSummary(out).print(bundle.sched(), folder);
        }
    }
}
