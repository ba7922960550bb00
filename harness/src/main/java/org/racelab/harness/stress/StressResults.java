package org.racelab.harness.stress;

import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.os.SchedulingClass;
import org.openjdk.jcstress.vm.CompileMode;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.RunConfig;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.catalog.OutcomeGrader;
import org.racelab.harness.catalog.RaceKind;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.machine.MachineProbe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns JCStress's results into the stress section: every selected test gets an entry, graded
 * by its own {@code @Outcome} rules per fork and over all forks, with the race of its case
 * looked for. A test that needs more CPUs than the machine has is SKIPPED with that reason
 * (JCStress leaves it out without a word); one the run never reached is NOT_RUN.
 */
final class StressResults {

    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";
    static final String ERROR = "ERROR";
    static final String SKIPPED = "SKIPPED";
    static final String NOT_RUN = "NOT_RUN";

    private StressResults() {
    }

    static StressSection assemble(StressRequest request, int cpus, List<String> args, List<TestResult> results,
                                  String problem, double elapsedSeconds, String rawReport) {
        Map<String, List<TestResult>> byTest = new HashMap<>();
        for (TestResult r : results) {
            byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
        }
        List<StressTestResult> tests = new ArrayList<>();
        for (StressTest t : request.tests()) {
            tests.add(testResult(t, byTest.getOrDefault(t.name(), List.of()), cpus, problem != null));
        }
        return new StressSection("jcstress " + StressRunner.JCSTRESS_VERSION, request.catalog().location().toString(),
                args, cpus, problem == null, problem, Math.round(elapsedSeconds * 10) / 10.0, rawReport,
                List.copyOf(tests));
    }

    static StressTestResult testResult(StressTest test, List<TestResult> forks, int cpus, boolean runCutShort) {
        OutcomeGrader grader = new OutcomeGrader(test.rules());
        RaceKind kind = test.raceKind();
        List<RunConfig> configs = new ArrayList<>();
        Map<String, Long> merged = new LinkedHashMap<>();
        String verdict = forks.isEmpty() ? null : PASSED;
        String reason = null;
        boolean allApiMismatch = !forks.isEmpty();
        for (TestResult fork : forks) {
            Map<String, Long> histogram = new LinkedHashMap<>();
            for (String id : fork.getStateKeys()) {
                histogram.merge(id, fork.getCount(id), Long::sum);
                merged.merge(id, fork.getCount(id), Long::sum);
            }
            OutcomeGrader.Grading g = grader.grade(histogram);
            Status status = fork.status();
            allApiMismatch &= status == Status.API_MISMATCH;
            String forkVerdict;
            List<String> messages = new ArrayList<>(fork.getMessages());
            if (status == Status.NORMAL) {
                forkVerdict = g.passed() ? PASSED : FAILED;
                messages.addAll(g.failures());
            } else if (status == Status.API_MISMATCH) {
                forkVerdict = SKIPPED;
            } else {
                forkVerdict = ERROR;
            }
            if (forkVerdict.equals(ERROR)) {
                verdict = ERROR;
                reason = status + firstLine(messages, fork.getVmErr());
            } else if (forkVerdict.equals(FAILED) && !ERROR.equals(verdict)) {
                verdict = FAILED;
                reason = String.join("; ", g.failures());
            }
            configs.add(runConfig(fork, status, forkVerdict, g, messages));
        }
        if (allApiMismatch) {
            verdict = SKIPPED;
            reason = "this JVM lacks an API the test uses (JCStress: API_MISMATCH)";
        }
        if (verdict == null) {
            if (test.actors() > cpus) {
                verdict = SKIPPED;
                reason = "needs " + test.actors() + " CPUs for its " + test.actors()
                        + " actors; this machine gives " + cpus + " (JCStress leaves such a test out)";
            } else {
                verdict = NOT_RUN;
                reason = runCutShort ? "the run stopped before this test ran" : "JCStress reported no result for it";
            }
        }
        OutcomeGrader.Grading total = grader.grade(merged);
        long samples = merged.values().stream().mapToLong(Long::longValue).sum();
        Boolean raceObserved = null;
        Long raceSamples = null;
        Boolean raceExpected = null;
        if (test.lesson().isPresent() && !test.lesson().get().race().isEmpty()) {
            long seen = raceCount(test.lesson().get().race(), merged);
            raceSamples = seen;
            raceObserved = forks.isEmpty() ? null : seen > 0;
            raceExpected = kind == RaceKind.RACY && test.lesson().get().observableOn().contains(MachineProbe.arch());
        }
        return new StressTestResult(test.name(), test.caseName(), test.variant(), test.actors(),
                test.lesson().orElse(null), kind.word(), verdict, reason, samples, counts(total),
                raceObserved, raceSamples, raceExpected, List.copyOf(configs));
    }

    /** How many samples show one of the race outcomes: an id matches as in JCStress, exactly or as a pattern. */
    static long raceCount(List<String> raceIds, Map<String, Long> histogram) {
        long seen = 0;
        for (Map.Entry<String, Long> e : histogram.entrySet()) {
            for (String race : raceIds) {
                if (race.equals(e.getKey()) || Pattern.matches(race, e.getKey())) {
                    seen += e.getValue();
                    break;
                }
            }
        }
        return seen;
    }

    private static RunConfig runConfig(TestResult fork, Status status, String verdict, OutcomeGrader.Grading g,
                                       List<String> messages) {
        TestConfig c = fork.getConfig();
        String compileMode = c.getCompileMode() == CompileMode.UNIFIED ? "unified"
                : CompileMode.description(c.getCompileMode(), c.actorNames).strip().replaceAll("\\s+", " ");
        SchedulingClass scl = c.getSchedulingClass();
        return new RunConfig(List.copyOf(c.jvmArgs), compileMode, scl == null ? null : scl.toString(), c.forkId,
                status.name(), verdict, fork.getTotalCount(), counts(g), List.copyOf(messages));
    }

    private static List<OutcomeCount> counts(OutcomeGrader.Grading g) {
        return g.outcomes().stream()
                .map(o -> new OutcomeCount(o.id(), o.count(), o.expect().name(), o.description()))
                .toList();
    }

    private static String firstLine(List<String> messages, List<String> vmErr) {
        List<String> all = new ArrayList<>(messages);
        all.addAll(vmErr);
        return all.stream().filter(s -> !s.isBlank()).findFirst().map(s -> ": " + s.strip()).orElse("");
    }
}
