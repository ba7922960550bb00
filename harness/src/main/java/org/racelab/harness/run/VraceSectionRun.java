package org.racelab.harness.run;

import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.console.VraceSummary;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.vrace.VraceRequest;
import org.racelab.harness.vrace.VraceRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The vrace section: the same test classes with their actors on virtual threads, and on platform threads. */
public final class VraceSectionRun implements Section {

    /** State objects per round: enough to make a barrier per round cheap, few enough to keep actors in step. */
    static final int STRIDE = 256;

    private final TestCatalog catalog;
    private final List<StressTest> tests;
    private final boolean virtual;
    private final boolean platform;
    private final List<Integer> carriers;
    private final Duration timeout;
    private final VraceRunner runner = new VraceRunner();

    public VraceSectionRun(TestCatalog catalog, List<StressTest> tests, boolean virtual, boolean platform,
                    List<Integer> carriers, Duration timeout) {
        this.catalog = catalog;
        this.tests = List.copyOf(tests);
        this.virtual = virtual;
        this.platform = platform;
        this.carriers = List.copyOf(carriers);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "vrace";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        Duration budget = profile.vraceBudget();
        Duration watchdog = timeout != null ? timeout : VraceRequest.defaultTimeout(budget, tests.size());
        VraceRequest request = new VraceRequest(catalog, tests, virtual, platform, carriers, budget, STRIDE, rawDir,
                watchdog);
        return bundle.withVrace(runner.run(request, progress));
    }

    @Override
    public void stop(String reason) {
        runner.stop(reason);
    }

    @Override
    public List<String> problems(Bundle bundle) {
        VraceSection s = bundle.vrace();
        return s == null || s.complete() ? List.of() : List.of("vrace: " + s.incomplete());
    }

    @Override
    public boolean failed(Bundle bundle) {
        VraceSection s = bundle.vrace();
        return s != null && s.tests().stream().flatMap(t -> t.runs().stream())
                .anyMatch(r -> r.verdict().failed());
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        if (bundle.vrace() != null) {
            new VraceSummary(out).print(bundle.vrace(), bundle.stress());
        }
    }
}
