package org.racelab.harness.lab;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.run.Section;
import org.racelab.harness.stress.StressRequest;
import org.racelab.harness.stress.StressRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stress section of a lab check: each grading test under JCStress in a run of its own, with a
 * watchdog of its own. A submission that deadlocks or loses a wake-up hangs its test; the watchdog
 * ends that run, the test is recorded as a hang with the time that decided it, and the next test
 * still runs. The section is the ordinary stress section, so report and compare read it as any.
 */
final class LabStressSectionRun implements Section {

    private final TestCatalog catalog;
    private final List<StressTest> tests;
    private final Duration perTest;
    private final StressRunner runner = new StressRunner();
    private volatile String stopped;

    LabStressSectionRun(TestCatalog catalog, List<StressTest> tests, Duration perTest) {
        this.catalog = catalog;
        this.tests = List.copyOf(tests);
        this.perTest = perTest;
    }

    /** How long one test may run before it counts as hung: generous, four times what a test takes here. */
    static Duration perTest(Profile profile) {
        return Duration.ofSeconds(45).plus(profile.expectedPerTest().multipliedBy(4));
    }

    @Override
    public String name() {
        return "stress";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        List<StressTestResult> results = new ArrayList<>();
        List<String> args = List.of();
        List<String> problems = new ArrayList<>();
        double elapsed = 0;
        int cpus = Runtime.getRuntime().availableProcessors();
        String rawReport = null;
        for (int i = 0; i < tests.size(); i++) {
            StressTest test = tests.get(i);
            if (stopped != null) {
                results.add(notRun(test, stopped));
                continue;
            }
            StressSection one = runner.run(new StressRequest(catalog, List.of(test), profile,
                    rawDir.resolve("stress-" + (i + 1)), perTest), progress);
            args = one.jcstressArgs();
            elapsed += one.elapsedSeconds();
            rawReport = rawReport == null ? one.rawReport() : rawReport;
            StressTestResult r = one.tests().isEmpty() ? notRun(test, one.incomplete()) : one.tests().get(0);
            if (!one.complete() && stopped == null && r.verdict() == Verdict.NOT_RUN) {
                // the watchdog, not the user, ended it: the test never finished, and that is its result
                r = hung(r, one.incomplete());
            } else if (!one.complete()) {
                problems.add(test.name() + ": " + one.incomplete());
            }
            results.add(r);
            bundle = bundle.withStress(section(args, cpus, problems, elapsed, rawReport, results, i + 1));
        }
        return bundle.withStress(section(args, cpus, problems, elapsed, rawReport, results, tests.size()));
    }

    private StressSection section(List<String> args, int cpus, List<String> problems, double elapsed,
                                  String rawReport, List<StressTestResult> done, int upTo) {
        List<StressTestResult> all = new ArrayList<>(done);
        for (int j = done.size(); j < tests.size(); j++) {
            all.add(notRun(tests.get(j), "not reached yet"));
        }
        boolean complete = problems.isEmpty() && done.size() == tests.size() && stopped == null;
        String why = stopped != null ? stopped : problems.isEmpty() ? (complete ? null : "ran " + upTo + " of "
                + tests.size() + " tests") : String.join("; ", problems);
        return new StressSection("jcstress " + StressRunner.JCSTRESS_VERSION, catalog.location().toString(), args,
                cpus, complete, why, Math.round(elapsed * 10) / 10.0, rawReport, all);
    }

    private static StressTestResult hung(StressTestResult r, String why) {
        return new StressTestResult(r.name(), r.caseName(), r.variant(), r.actors(), r.lesson(), r.kind(),
                Verdict.ERROR, "hang: the test never finished (a deadlock, or a thread waiting for a wake-up that"
                + " never came): JCStress " + why, r.samples(), r.outcomes(), r.raceObserved(), r.raceSamples(),
                r.raceExpected(), r.configs());
    }

    private static StressTestResult notRun(StressTest t, String why) {
        return new StressTestResult(t.name(), t.caseName(), t.variant(), t.actors(), null, t.raceKind().word(),
                Verdict.NOT_RUN, why, 0, List.of(), null, null, null, List.of());
    }

    @Override
    public void stop(String reason) {
        stopped = reason;
        runner.stop(reason);
    }

    @Override
    public List<String> problems(Bundle bundle) {
        StressSection s = bundle.stress();
        return s == null || s.complete() ? List.of() : List.of("stress: " + s.incomplete());
    }

    @Override
    public boolean failed(Bundle bundle) {
        return false; // the grade decides: see LabSectionRun
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        // the lab's summary speaks for every section of a lab check
    }
}
