package org.racelab.harness.run;

import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.console.StressSummary;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.stress.StressRequest;
import org.racelab.harness.stress.StressRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The stress section: the selected tests under JCStress. */
public final class StressSectionRun implements Section {

    private final TestCatalog catalog;
    private final List<StressTest> tests;
    private final Duration timeout;
    private final StressRunner runner = new StressRunner();

    public StressSectionRun(TestCatalog catalog, List<StressTest> tests, Duration timeout) {
        this.catalog = catalog;
        this.tests = List.copyOf(tests);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "stress";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        return bundle.withStress(runner.run(new StressRequest(catalog, tests, profile, rawDir, timeout), progress));
    }

    @Override
    public void stop(String reason) {
        runner.stop(reason);
    }

    @Override
    public List<String> problems(Bundle bundle) {
        StressSection s = bundle.stress();
        return s == null || s.complete() ? List.of() : List.of("stress: " + s.incomplete());
    }

    @Override
    public boolean failed(Bundle bundle) {
        StressSection s = bundle.stress();
        return s != null && s.tests().stream()
                .anyMatch(t -> t.verdict().failed());
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        if (bundle.stress() != null) {
            new StressSummary(out).print(bundle.stress(), folder);
        }
    }
}
