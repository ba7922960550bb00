package org.racelab.harness.run;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.console.ModelSummary;
import org.racelab.harness.model.ModelRunner;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.progress.ProgressListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model section: what interleavings alone allow for each test of the run, from racelab's step
 * models (milliseconds). A failed canary leaves the section out and says why: an empty model is
 * never written as if it were the answer.
 */
public final class ModelSectionRun implements Section {

    private final List<StressTest> tests;
    private final ModelRunner runner = new ModelRunner();
    private final List<String> problems = new ArrayList<>();

    public ModelSectionRun(List<StressTest> tests) {
        this.tests = List.copyOf(tests);
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) {
        Optional<String> broken = runner.canaryProblem();
        if (broken.isPresent()) {
            problems.add("model: " + broken.get());
            return bundle;
        }
        return bundle.withModel(runner.run(tests));
    }

    @Override
    public void stop(String reason) {
        // The models take milliseconds: nothing to stop.
    }

    @Override
    public List<String> problems(Bundle bundle) {
        return List.copyOf(problems);
    }

    @Override
    public boolean failed(Bundle bundle) {
        return false;
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        if (bundle.model() != null) {
            ModelSummary.print(bundle.model(), bundle.stress(), out);
        }
    }
}
