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

    /** What JCStress may spend probing the JVM before its first test: a dozen JVM starts, on a loaded machine. */
    static final Duration PROBE_ALLOWANCE = Duration.ofMinutes(10);

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

    /**
     * How long JCStress may go without finishing a result (one test in one JVM configuration) before
     * the test counts as hung: four times what a test takes here, and a minute more.
     */
    static Duration perTest(Profile profile) {
        return Duration.ofSeconds(60).plus(profile.expectedPerTest().multipliedBy(4));
    }

    @Override
    public String name() {
        return "stress";
    }

    /**
     * Runs the tests in one JCStress run; when its watchdog ends it, the first test without a result
     * is the one that hung, and the tests after it run again in a fresh JCStress.
     */
    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        List<StressTestResult> results = new ArrayList<>();
        List<String> args = List.of();
        List<String> problems = new ArrayList<>();
        double elapsed = 0;
        int cpus = Runtime.getRuntime().availableProcessors();
        String rawReport = null;
        int attempt = 0;
        while (results.size() < tests.size() && stopped == null) {
            List<StressTest> rest = tests.subList(results.size(), tests.size());
            StressSection run;
            boolean fired;
            try (Watchdog watchdog = new Watchdog(progress)) {
                run = runner.run(new StressRequest(catalog, rest, profile, rawDir.resolve("stress-" + ++attempt),
                        PROBE_ALLOWANCE.plus(perTest.multipliedBy(rest.size()))), watchdog);
                fired = watchdog.fired;
            }
            args = run.jcstressArgs();
            elapsed += run.elapsedSeconds();
            rawReport = rawReport == null ? run.rawReport() : rawReport;
            boolean hungHere = false;
            for (StressTestResult r : run.tests()) {
                if (hungHere) {
                    break; // runs again, in a fresh JCStress
                }
                if (r.verdict() == Verdict.NOT_RUN && fired && stopped == null) {
                    // the watchdog, not the user, ended it: this test never finished, and that is its result
                    results.add(hung(r, run.incomplete()));
                    hungHere = true;
                } else {
                    results.add(r);
                }
            }
            // stopped by the hang watchdog with every test's verdict in (JCStress itself timed out a
            // test whose actors deadlocked, and then waited for ever on its fork): nothing is missing
            if (!run.complete() && !fired && stopped == null) {
                problems.add(run.incomplete());
                break;
            }
            bundle = bundle.withStress(section(args, cpus, problems, elapsed, rawReport, results));
        }
        return bundle.withStress(section(args, cpus, problems, elapsed, rawReport, results));
    }

    private StressSection section(List<String> args, int cpus, List<String> problems, double elapsed,
                                  String rawReport, List<StressTestResult> done) {
        List<StressTestResult> all = new ArrayList<>(done);
        for (int j = done.size(); j < tests.size(); j++) {
            all.add(notRun(tests.get(j), stopped != null ? "no result before the run stopped" : "not reached yet"));
        }
        boolean complete = problems.isEmpty() && done.size() == tests.size() && stopped == null;
        String why = stopped != null ? stopped : !problems.isEmpty() ? String.join("; ", problems)
                : complete ? null : "ran " + done.size() + " of " + tests.size() + " tests";
        return new StressSection("jcstress " + StressRunner.JCSTRESS_VERSION, catalog.location().toString(), args,
                cpus, complete, why, Math.round(elapsed * 10) / 10.0, rawReport, all);
    }

    private static StressTestResult hung(StressTestResult r, String why) {
        return new StressTestResult(r.name(), r.caseName(), r.variant(), r.actors(), r.lesson(), r.kind(),
                r.meaning(), r.description(), Verdict.ERROR, "hang: the test never finished (a deadlock, or a thread waiting for a wake-up that"
                + " never came): " + why, r.samples(), r.outcomes(), r.raceObserved(), r.raceSamples(),
                r.raceExpected(), r.configs());
    }

    private static StressTestResult notRun(StressTest t, String why) {
        return new StressTestResult(t.name(), t.caseName(), t.variant(), t.actors(), null, t.raceKind().word(),
                t.meaning(), t.description(), Verdict.NOT_RUN, why, 0, List.of(), null, null, null, List.of());
    }

    /**
     * The hang detector: the clock starts when JCStress has probed the JVM and starts its tests, and
     * restarts with each result JCStress counts; when it reaches {@link #perTest}, the test running is
     * hung, whatever the machine's load (an actor blocked for ever may keep JCStress from printing
     * anything at all, so silence counts too).
     */
    private final class Watchdog implements ProgressListener, AutoCloseable {
        private final ProgressListener shown;
        private final Thread thread;
        private volatile long lastDone = -1;
        private volatile long lastChange;
        private volatile boolean fired;

        Watchdog(ProgressListener shown) {
            this.shown = shown;
            this.thread = Thread.ofPlatform().daemon().name("lab-hang-watchdog").start(this::watch);
        }

        private void watch() {
            long limit = perTest.toNanos();
            try {
                while (true) {
                    Thread.sleep(250);
                    if (lastDone >= 0 && System.nanoTime() - lastChange > limit) {
                        fired = true;
                        runner.stop("finished no test for " + perTest.toSeconds() + " s; it was stopped");
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }

        @Override
        public void started(String what, long total, long estimateSeconds) {
            shown.started(what, total, estimateSeconds);
        }

        @Override
        public void progressed(long done, long total, String note) {
            if (done != lastDone) {
                lastChange = System.nanoTime();
                lastDone = done;
            }
            shown.progressed(done, total, note);
        }

        @Override
        public void finished() {
            shown.finished();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
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
