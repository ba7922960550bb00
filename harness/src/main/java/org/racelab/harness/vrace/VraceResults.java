package org.racelab.harness.vrace;

import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.catalog.LessonInfo;
import org.racelab.harness.catalog.OutcomeGrader;
import org.racelab.harness.catalog.StressTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grades what the child JVMs wrote by each test's own {@code @Outcome} rules (the same grader
 * as the stress section, so the two sections agree on what FORBIDDEN means) and looks for the
 * race of each case in every configuration.
 */
final class VraceResults {

    private VraceResults() {
    }

    static VraceSection assemble(VraceRequest request, List<VraceRequest.Config> configs,
                                 Map<VraceRequest.Config, Map<String, VraceMain.Line>> lines, String problem,
                                 double elapsedSeconds) {
        List<VraceSection.VraceTestResult> tests = new ArrayList<>();
        for (StressTest t : request.tests()) {
            List<VraceSection.VraceRun> runs = new ArrayList<>();
            for (VraceRequest.Config c : configs) {
                VraceMain.Line line = lines.getOrDefault(c, Map.of()).get(t.binaryName());
                runs.add(run(t, c, line));
            }
            tests.add(new VraceSection.VraceTestResult(t.name(), t.caseName(), t.variant(), t.actors(),
                    t.lesson().map(LessonInfo::toBundle).orElse(null), t.raceKind().word(), t.meaning(),
                    t.describedAs(), List.copyOf(runs)));
        }
        List<String> threads = configs.stream().map(VraceRequest.Config::threads).distinct().toList();
        return new VraceSection(request.catalog().location().toString(), threads,
                configs.stream().map(VraceRequest.Config::carriers).filter(java.util.Objects::nonNull).toList(),
                request.budget().toMillis(), request.stride(), Runtime.getRuntime().availableProcessors(),
                problem == null, problem, Math.round(elapsedSeconds * 10) / 10.0, List.copyOf(tests),
                request.grace().toMillis());
    }

    static VraceSection.VraceRun run(StressTest test, VraceRequest.Config config, VraceMain.Line line) {
        if (line == null) {
            return new VraceSection.VraceRun(config.threads(), config.carriers(), Verdict.NOT_RUN,
                    "no result: its JVM stopped before this test", 0, 0, List.of(), null, null);
        }
        if (line.unsupported() != null) {
            return new VraceSection.VraceRun(config.threads(), config.carriers(), Verdict.SKIPPED, line.unsupported(),
                    0, 0, List.of(), null, null);
        }
        OutcomeGrader.Grading g = new OutcomeGrader(test.rules()).grade(line.histogram());
        Verdict verdict;
        String reason = null;
        boolean noProgress = Boolean.TRUE.equals(line.noProgress());
        if (line.error() != null) {
            verdict = Verdict.ERROR;
            reason = line.error();
        } else if (!g.passed()) {
            verdict = Verdict.FAILED;
            reason = String.join("; ", g.failures());
        } else if (line.watchdogMillis() != null && !noProgress && !line.histogram().containsKey("STALE")) {
            verdict = Verdict.ERROR;
            reason = "hung: no actor moved on within " + line.watchdogMillis() + " ms, with a "
                    + (config.carriers() == null ? "platform thread" : "carrier") + " for every actor";
        } else {
            verdict = Verdict.PASSED;
        }
        double perSecond = line.nanos() == 0 ? 0 : Math.round(line.samples() * 1e9 / line.nanos());
        List<OutcomeCount> outcomes = new java.util.ArrayList<>(test.outcomeCounts(g));
        if (noProgress) {
            reason = noProgress(config.carriers(), test.actors(), line.watchdogMillis());
            outcomes.add(new OutcomeCount(NO_PROGRESS, 1, "RACELAB", reason));
        }
        Boolean observed = null;
        Long raceSamples = null;
        if (test.meaning() != null) {
            raceSamples = StressTest.raceSamples(outcomes);
            observed = raceSamples > 0;
        }
        return new VraceSection.VraceRun(config.threads(), config.carriers(), verdict, reason, line.samples(),
                perSecond, List.copyOf(outcomes), observed, raceSamples, noProgress ? Boolean.TRUE : null,
                line.watchdogMillis());
    }

    /** The id of racelab's own outcome, beside the test's. */
    static final String NO_PROGRESS = "NO_PROGRESS";

    /** Racelab's own outcome, in words: what happened, on how many carriers, and the limit that decided it. */
    static String noProgress(Integer carriers, int actors, long limitMillis) {
        String kept = carriers != null && carriers == 1 ? "an actor kept the only carrier"
                : "actors kept all " + carriers + " carriers";
        return "no progress: " + kept + " while the actor it waited for never ran (" + carriers
                + (carriers != null && carriers == 1 ? " carrier, " : " carriers, ") + actors
                + " actors; no actor moved on within " + limitMillis + " ms)";
    }
}
