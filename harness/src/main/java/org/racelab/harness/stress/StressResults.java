package org.racelab.harness.stress;

import static org.racelab.harness.bundle.Verdict.ERROR;
import static org.racelab.harness.bundle.Verdict.FAILED;
import static org.racelab.harness.bundle.Verdict.NOT_RUN;
import static org.racelab.harness.bundle.Verdict.PASSED;
import static org.racelab.harness.bundle.Verdict.SKIPPED;

import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.catalog.LessonInfo;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressFork;
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

/**
 * Turns JCStress's results into the stress section: every selected test gets an entry, graded
 * by its own {@code @Outcome} rules per fork and over all forks, with the race of its case
 * looked for. A test that needs more CPUs than the machine has is SKIPPED with that reason
 * (JCStress leaves it out without a word); one the run never reached is NOT_RUN.
 */
final class StressResults {


    private StressResults() {
    }

    static StressSection assemble(StressRequest request, int cpus, List<String> args, List<ForkResult> results,
                                  String problem, double elapsedSeconds, String rawReport) {
        Map<String, List<ForkResult>> byTest = new HashMap<>();
        for (ForkResult r : results) {
            byTest.computeIfAbsent(r.test(), k -> new ArrayList<>()).add(r);
        }
        List<StressTestResult> tests = new ArrayList<>();
        for (StressTest t : request.tests()) {
            tests.add(testResult(t, byTest.getOrDefault(t.name(), List.of()), cpus, problem));
        }
        return new StressSection("jcstress " + StressRunner.JCSTRESS_VERSION, request.catalog().location().toString(),
                args, cpus, problem == null, problem, Math.round(elapsedSeconds * 10) / 10.0, rawReport,
                List.copyOf(tests));
    }

    /**
     * One test's entry: ERROR when any fork had a hard error, else FAILED when any fork saw a
     * FORBIDDEN outcome, else PASSED; SKIPPED when every fork was an API mismatch, or when the
     * test has more actors than the machine has CPUs and so never ran; else NOT_RUN.
     *
     * @param problem why the run stopped early, or null
     */
    static StressTestResult testResult(StressTest test, List<ForkResult> forks, int cpus, String problem) {
        OutcomeGrader grader = new OutcomeGrader(test.rules());
        RaceKind kind = test.raceKind();
        List<StressFork> configs = new ArrayList<>();
        Map<String, Long> merged = new LinkedHashMap<>();
        Verdict verdict = forks.isEmpty() ? null : PASSED;
        String reason = null;
        boolean allApiMismatch = !forks.isEmpty();
        for (ForkResult fork : forks) {
            fork.histogram().forEach((id, n) -> merged.merge(id, n, Long::sum));
            OutcomeGrader.Grading g = grader.grade(fork.histogram());
            allApiMismatch &= fork.apiMismatch();
            List<String> messages = new ArrayList<>(fork.messages());
            Verdict forkVerdict;
            if (fork.normal()) {
                forkVerdict = g.passed() ? PASSED : FAILED;
                messages.addAll(g.failures());
            } else {
                forkVerdict = fork.apiMismatch() ? SKIPPED : ERROR;
            }
            if (forkVerdict == ERROR) {
                verdict = ERROR;
                reason = fork.status() + firstLine(fork.messages());
            } else if (forkVerdict == FAILED && verdict != ERROR) {
                verdict = FAILED;
                reason = String.join("; ", g.failures());
            }
            configs.add(new StressFork(fork.jvmArgs(), fork.compileMode(), fork.scheduling(), fork.fork(),
                    fork.status(), forkVerdict, sum(fork.histogram()), fork.sampleMillis(), test.outcomeCounts(g),
                    List.copyOf(messages)));
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
                reason = problem != null ? "no result before the run stopped" : "JCStress reported no result for it";
            }
        }
        OutcomeGrader.Grading total = grader.grade(merged);
        List<OutcomeCount> outcomes = test.outcomeCounts(total);
        Boolean raceObserved = null;
        Long raceSamples = null;
        Boolean raceExpected = null;
        if (test.meaning() != null) {
            long seen = StressTest.raceSamples(outcomes);
            raceSamples = seen;
            raceObserved = forks.isEmpty() ? null : seen > 0;
            raceExpected = test.lesson().isPresent()
                    ? kind == RaceKind.RACY && test.lesson().get().observableOn(MachineProbe.arch()) : null;
        }
        return new StressTestResult(test.name(), test.caseName(), test.variant(), test.actors(),
                test.lesson().map(LessonInfo::toBundle).orElse(null), kind.word(), test.meaning(),
                test.describedAs(), verdict, reason, sum(merged), outcomes,
                raceObserved, raceSamples, raceExpected, List.copyOf(configs));
    }

    private static long sum(Map<String, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String firstLine(List<String> messages) {
        return messages.stream().filter(m -> !m.isBlank()).findFirst().map(m -> ": " + m.strip()).orElse("");
    }
}
