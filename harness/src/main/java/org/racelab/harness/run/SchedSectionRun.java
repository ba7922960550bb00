package org.racelab.harness.run;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.console.SchedSummary;
import org.racelab.harness.sched.Experiment;
import org.racelab.harness.sched.SchedRequest;
import org.racelab.harness.sched.SchedRunner;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The sched section: the scheduling experiments (their timelines are drawn by the report, from the bundle). */
public final class SchedSectionRun implements Section {

    private final List<Experiment> experiments;
    private final Integer carriers;
    private final Integer footprintThreads;
    private final SchedRunner runner = new SchedRunner();

    /**
     * @param carriers         only this many carriers, or null for 1, 2, 4, ... every CPU
     * @param footprintThreads N of the footprint experiment, or null for the profile's
     */
    public SchedSectionRun(List<Experiment> experiments, Integer carriers, Integer footprintThreads) {
        this.experiments = List.copyOf(experiments);
        this.carriers = carriers;
        this.footprintThreads = footprintThreads;
    }

    /** All four experiments at the profile's sizes, as {@code racelab run} has them. */
    public static SchedSectionRun all() {
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
        return bundle.withSched(measured);
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
            SchedSummary.print(bundle.sched(), folder, out);
        }
    }
}
