package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the virtual-thread runner found: the same JCStress test classes with their actors on
 * virtual threads (on each carrier count) and, as the control, on platform threads.
 *
 * @param budgetMillis how long each test ran in each configuration
 * @param stride       state objects per round (one barrier per round)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VraceSection(String testsJar, List<String> threads, List<Integer> carriers, long budgetMillis,
                           int stride, int cpus, boolean complete, String incomplete, double elapsedSeconds,
                           List<VraceTestResult> tests) {
    public VraceSection {
        threads = Records.list(threads);
        carriers = Records.list(carriers);
        tests = Records.list(tests);
    }


    /**
     * One test, in every configuration it ran in.
     *
     * @param meaning     which outcomes each run's {@code raceObserved} counts, as in the stress
     *                    section's test record ({@link Meaning})
     * @param description the test's own JCStress {@code @Description} (null when it has none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VraceTestResult(String name, String caseName, String variant, int actors,
                                  Lesson lesson, String kind, String meaning, String description,
                                  List<VraceRun> runs) {
        public VraceTestResult {
            name = Records.text(name);
            caseName = Records.text(caseName);
            variant = Records.text(variant);
            kind = Records.text(kind);
            meaning = Meaning.of(meaning, lesson);
            runs = Records.list(runs).stream().map(r -> r.marked(lesson)).toList();
        }

    }

    /**
     * One test in one configuration.
     *
     * @param threads  {@code virtual} or {@code platform}
     * @param carriers the carrier threads the virtual threads had (null for platform threads)
     * @param verdict  PASSED, FAILED (a FORBIDDEN outcome), ERROR (an actor threw), SKIPPED (a shape
     *                 the runner does not support), NOT_RUN (the run stopped before it)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VraceRun(String threads, Integer carriers, Verdict verdict, String reason, long samples,
                           double samplesPerSecond, List<OutcomeCount> outcomes, Boolean raceObserved,
                           Long raceSamples) {
        public VraceRun {
            threads = Records.text(threads);
            verdict = verdict == null ? Verdict.UNKNOWN : verdict;
            outcomes = Records.list(outcomes);
        }

        /** This run with its outcomes marked by an older bundle's lesson (see {@link Meaning}). */
        VraceRun marked(Lesson lesson) {
            List<OutcomeCount> marked = Meaning.markLegacy(lesson, outcomes);
            return marked == outcomes ? this : new VraceRun(threads, carriers, verdict, reason, samples,
                    samplesPerSecond, marked, raceObserved, raceSamples);
        }

    }
}
