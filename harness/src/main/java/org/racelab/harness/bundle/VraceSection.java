package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the virtual-thread runner found: the same JCStress test classes with their actors on
 * virtual threads (on each carrier count) and, as the control, on platform threads.
 *
 * @param budgetMillis how long each test ran in each configuration
 * @param stride       state objects per stride (one checkpoint per stride; since racelab's generated
 *                     runners, 40 strides a round, as JCStress's defaults)
 * @param graceMillis  the per-test watchdog: a round still running at the budget plus this had an
 *                     actor that made no progress (null in bundles from before the watchdog)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VraceSection(String testsJar, List<String> threads, List<Integer> carriers, long budgetMillis,
                           int stride, int cpus, boolean complete, String incomplete, double elapsedSeconds,
                           List<VraceTestResult> tests, Long graceMillis) {
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
     * @param noProgress     racelab's own outcome, neither an error nor a skip: an actor kept every
     *                       carrier while the actor it waited for never ran (the reason says how
     *                       many carriers, and the time limit); null when it did not happen
     * @param watchdogMillis when the per-test watchdog ended the test: the time limit that decided it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VraceRun(String threads, Integer carriers, Verdict verdict, String reason, long samples,
                           double samplesPerSecond, List<OutcomeCount> outcomes, Boolean raceObserved,
                           Long raceSamples, Boolean noProgress, Long watchdogMillis) {
        public VraceRun {
            threads = Records.text(threads);
            verdict = verdict == null ? Verdict.UNKNOWN : verdict;
            outcomes = Records.list(outcomes);
        }

        /** This run with its outcomes marked by an older bundle's lesson (see {@link Meaning}). */
        VraceRun marked(Lesson lesson) {
            List<OutcomeCount> marked = Meaning.markLegacy(lesson, outcomes);
            return marked == outcomes ? this : new VraceRun(threads, carriers, verdict, reason, samples,
                    samplesPerSecond, marked, raceObserved, raceSamples, noProgress, watchdogMillis);
        }

        /** A run before the per-test watchdog, or one it did not end. */
        public VraceRun(String threads, Integer carriers, Verdict verdict, String reason, long samples,
                        double samplesPerSecond, List<OutcomeCount> outcomes, Boolean raceObserved,
                        Long raceSamples) {
            this(threads, carriers, verdict, reason, samples, samplesPerSecond, outcomes, raceObserved, raceSamples,
                    null, null);
        }

        /** Racelab's own outcome: the actors made no progress on too few carriers. */
        public boolean madeNoProgress() {
            return Boolean.TRUE.equals(noProgress);
        }

    }
}
