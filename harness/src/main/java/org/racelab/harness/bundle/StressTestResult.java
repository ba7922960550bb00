package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One JCStress test: its lesson, every JVM configuration it ran in, the outcomes summed over
 * them, the verdict, and whether the race of its case was seen here.
 *
 * @param kind          racy, fixed, no-race (a lesson's case), jcstress (no lesson), or unknown
 * @param meaning       which outcomes {@code raceObserved} and {@code raceSamples} count ({@link Meaning}):
 *                      "lesson" (the race of racelab's lesson) or "interesting" (JCStress's
 *                      ACCEPTABLE_INTERESTING, for a test without a lesson); null when it has neither.
 *                      The outcomes it counts carry {@code race: true}.
 * @param description   the test's own JCStress {@code @Description} (null when it has none)
 * @param verdict       PASSED, FAILED (a FORBIDDEN outcome), ERROR, SKIPPED or NOT_RUN
 * @param reason        why it was skipped, not run, failed or errored (null when it passed)
 * @param raceObserved  whether a race (or interesting) outcome was seen in any configuration (null: none to see)
 * @param raceExpected  whether a quick run is expected to catch the race on this architecture
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StressTestResult(String name, String caseName, String variant, int actors, Lesson lesson,
                               String kind, String meaning, String description, Verdict verdict, String reason, long samples,
                               List<OutcomeCount> outcomes, Boolean raceObserved, Long raceSamples,
                               Boolean raceExpected, List<StressFork> configs) {
    public StressTestResult {
        name = Records.text(name);
        caseName = Records.text(caseName);
        variant = Records.text(variant);
        kind = Records.text(kind);
        verdict = verdict == null ? Verdict.UNKNOWN : verdict;
        meaning = Meaning.of(meaning, lesson);
        outcomes = Meaning.markLegacy(lesson, Records.list(outcomes));
        configs = Records.list(configs);
    }

}
